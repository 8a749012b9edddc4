import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createEmulator } from '../../../src/aws/emulator';
import { handleAwsJson } from '../../../src/aws/protocol/json';
import { ssm } from '../../../src/aws/ssm';

/** Malformed input of every shape answers with a well-formed AWS error, never a 500. */
const OPERATIONS = Object.keys(ssm.operations);
const FIELDS = [
  'Name',
  'Names',
  'Value',
  'Type',
  'KeyId',
  'Overwrite',
  'Tier',
  'Policies',
  'DataType',
  'AllowedPattern',
  'Tags',
  'Path',
  'Recursive',
  'MaxResults',
  'NextToken',
  'ParameterFilters',
  'Filters',
  'WithDecryption',
  'Labels',
  'ParameterVersion',
  'ResourceType',
  'ResourceId',
  'TagKeys',
  'Description',
];
const names = fc.constantFrom(
  '/a',
  '/a/b',
  'a',
  '/a:1',
  '/a:lbl',
  'arn:aws:ssm:us-east-1:123456789012:parameter/a',
  '',
  ':',
  '/aws/x',
);
const anyValue = fc.oneof(
  names,
  fc.string(),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(names, fc.string(), fc.integer()), { maxLength: 12 }),
  fc.array(
    fc.record(
      {
        Key: fc.oneof(fc.string(), fc.constantFrom('Type', 'Path', 'Name', 'Label', 'tag:x')),
        Values: fc.array(fc.string(), { maxLength: 3 }),
        Option: fc.string(),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
);

test('random requests to every SSM operation never crash the emulator', async () => {
  const emulator = createEmulator({ seed: 7 });
  const ctx = { method: 'POST' };
  await handleAwsJson(emulator, {
    ...ctx,
    target: 'AmazonSSM.PutParameter',
    body: '{"Name":"/a","Value":"v","Type":"SecureString"}',
  });
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...OPERATIONS),
      fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 6 }),
      async (op, body) => {
        const r = await handleAwsJson(emulator, { ...ctx, target: `AmazonSSM.${op}`, body: JSON.stringify(body) });
        expect([200, 400]).toContain(r.status);
        const parsed = JSON.parse(r.body);
        if (r.status === 400) expect(typeof parsed.__type).toBe('string');
      },
    ),
    { numRuns: 1500, seed: 11 },
  );
});
