import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { createEmulator } from '../../src/aws/emulator';
import { answerAwsRequest } from '../../src/aws/protocol/endpoint';
import { handleAwsJson } from '../../src/aws/protocol/json';
import { services } from '../../src/aws/services';
import { post, serveEmulator } from './server';

/**
 * Property: whatever arrives, the emulator answers. Never a throw, never a 5xx; every answer is
 * either 200 with a JSON object or 4xx with `{__type, message}`.
 */
const realTargets = Object.values(services)
  .filter((s) => s.protocol === 'json')
  .flatMap((s) => Object.keys(s.operations).map((op) => `${s.targetPrefix}.${op}`));
const queryActions = Object.values(services)
  .filter((s) => s.protocol === 'query')
  .flatMap((s) => Object.keys(s.operations).map((op) => [op, s.version ?? ''] as const));
const FIELDS = [
  'Name',
  'Names',
  'SecretId',
  'SecretString',
  'SecretBinary',
  'Description',
  'KmsKeyId',
  'KeyId',
  'Value',
  'Type',
  'Path',
  'Recursive',
  'WithDecryption',
  'Overwrite',
  'Tier',
  'DataType',
  'AllowedPattern',
  'Labels',
  'ParameterVersion',
  'Plaintext',
  'CiphertextBlob',
  'EncryptionContext',
  'AliasName',
  'TargetKeyId',
  'NumberOfBytes',
  'KeySpec',
  'PendingWindowInDays',
  'Tags',
  'TagKeys',
  'Filters',
  'ParameterFilters',
  'MaxResults',
  'NextToken',
  'Limit',
  'Marker',
  'VersionId',
  'VersionStage',
  'RecoveryWindowInDays',
  'ForceDeleteWithoutRecovery',
  'ClientRequestToken',
  'MoveToVersionId',
  'RemoveFromVersionId',
  'ResourceId',
  'ResourceType',
  'SecretIdList',
  'PasswordLength',
  'ExcludeCharacters',
  'RotationRules',
  'RotationLambdaARN',
  'ResourcePolicy',
  'SortOrder',
  'IncludePlannedDeletion',
  'AddReplicaRegions',
  'RemoveReplicaRegions',
  'ForceOverwriteReplicaSecret',
];
const NAMES = [
  'app',
  '/app',
  '/app/db',
  '/aws/reference/secretsmanager/app',
  'alias/app',
  'alias/aws/ssm',
  'aws/x',
  'a'.repeat(600),
  // Names that exist on Object.prototype: stores keyed by outside input must treat them as names.
  '__proto__',
  '/__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'alias/__proto__',
];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.constantFrom(
    'AWSCURRENT',
    'AWSPREVIOUS',
    'SecureString',
    'String',
    'StringList',
    'AES_256',
    'Advanced',
    'aGVsbG8=',
  ),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.record({ Key: fc.string(), Values: fc.array(fc.string()) })), {
    maxLength: 12,
  }),
);

/** Nearly valid requests, so random calls get past validation and reach the models' rules. */
const TEMPLATES: Record<string, unknown>[] = [
  { Name: '/app/db', Value: 'v2', Type: 'SecureString', Overwrite: true, KeyId: 'alias/app' },
  { Name: '/app/x', Value: 'a,b', Type: 'StringList', Tier: 'Advanced', Labels: ['l1'], ParameterVersion: 1 },
  { Names: ['/app/db', '/app/none'], Path: '/app', Recursive: true, WithDecryption: true, MaxResults: 5 },
  { SecretId: 'app', SecretString: 'x', VersionStage: 'AWSPREVIOUS', MoveToVersionId: 'v1', RemoveFromVersionId: 'v0' },
  { Name: 'new', SecretString: 's', ClientRequestToken: '11111111-2222-4333-8444-555555555555', KmsKeyId: 'alias/app' },
  { SecretId: 'app', RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: false },
  { KeyId: 'alias/app', Plaintext: 'aGVsbG8=', EncryptionContext: { a: 'b' }, NumberOfBytes: 32 },
  { AliasName: 'alias/new', TargetKeyId: 'alias/app', KeyId: 'alias/aws/ssm', PendingWindowInDays: 7 },
  { ResourceType: 'Parameter', ResourceId: '/app/db', Tags: [{ Key: 'k', Value: 'v' }], TagKeys: ['k'] },
  { SecretIdList: ['app'], Filters: [{ Key: 'name', Values: ['app'] }], PasswordLength: 12 },
  { Name: '__proto__', SecretString: 'p', Value: 'p', Type: 'String', ClientRequestToken: 'c'.repeat(32) },
  { SecretId: 'constructor', Name: 'toString', Overwrite: true, Value: 'x', Type: 'String' },
  { SecretId: 'app', Name: 'app', SecretString: 'r', AddReplicaRegions: [{ Region: 'eu-west-1' }] },
  { SecretId: 'app', RemoveReplicaRegions: ['eu-west-1'], ForceOverwriteReplicaSecret: true },
];
/** An encryption context (or any map) whose key is `__proto__`, as JSON text sends it. */
const protoMap = fc
  .constantFrom('TrentService.Encrypt', 'TrentService.Decrypt', 'TrentService.GenerateDataKey')
  .map(() => '{"KeyId":"alias/app","Plaintext":"aGVsbG8=","NumberOfBytes":8,"EncryptionContext":{"__proto__":"x"}}');
/** JSON nested deeper than any API needs: a 400, never a stack overflow or a 5xx. */
const deep = fc
  .integer({ min: 10, max: 200_000 })
  .map(
    (depth) =>
      `{"Name":${'['.repeat(depth)}${']'.repeat(depth)},"Tags":${'{"a":'.repeat(depth % 500)}1${'}'.repeat(depth % 500)}}`,
  );
const nearValid = fc
  .tuple(fc.constantFrom(...TEMPLATES), fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 2 }))
  .map(([template, changes]) => JSON.stringify({ ...template, ...changes }));

const body = fc.oneof(
  { weight: 4, arbitrary: nearValid },
  {
    weight: 6,
    arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '{', '{"Name":', 'null', '[]', '"x"', '{"Name":"\u0000"}', '{}'.repeat(3)),
  },
  { weight: 1, arbitrary: protoMap },
  { weight: 1, arbitrary: deep },
);

const target = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...realTargets) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'secretsmanager.Nope',
      'AmazonSSM.',
      'TrentService.constructor',
      'TrentService.__proto__',
      'x.toString',
      '.',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const method = fc.oneof(
  { weight: 8, arbitrary: fc.constant('POST') },
  { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE') },
);

function assertWellFormed(status: number, text: string) {
  expect(status).toBeLessThan(500);
  const json = JSON.parse(text);
  expect(typeof json === 'object' && json !== null && !Array.isArray(json)).toBe(true);
  if (status !== 200) {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(typeof json.__type).toBe('string');
    expect(typeof json.message).toBe('string');
  }
}

test('thousands of random and malformed requests through handleAwsJson: always a well-formed answer', async () => {
  const emulator = createEmulator({ seed: 3 });
  // Some state to hit: random calls then land on real secrets, parameters, keys and aliases.
  const ctx = { method: 'POST', region: 'us-east-1' };
  await handleAwsJson(emulator, {
    ...ctx,
    target: 'secretsmanager.CreateSecret',
    body: '{"Name":"app","SecretString":"s"}',
  });
  await handleAwsJson(emulator, {
    ...ctx,
    target: 'AmazonSSM.PutParameter',
    body: '{"Name":"/app/db","Value":"v","Type":"SecureString"}',
  });
  const key = JSON.parse(
    (await handleAwsJson(emulator, { ...ctx, target: 'TrentService.CreateKey', body: '{}' })).body,
  );
  await handleAwsJson(emulator, {
    ...ctx,
    target: 'TrentService.CreateAlias',
    body: JSON.stringify({ AliasName: 'alias/app', TargetKeyId: key.KeyMetadata.KeyId }),
  });

  await fc.assert(
    fc.asyncProperty(target, body, method, async (t, b, m) => {
      const r = await handleAwsJson(emulator, { method: m, target: t, body: b, region: 'us-east-1' });
      assertWellFormed(r.status, r.body);
    }),
    { numRuns: 4000, seed: 20260101 },
  );
  // Nothing reached Object.prototype (a `__proto__` key stored by assignment would have).
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

const s = serveEmulator();

test('hundreds of random requests over HTTP: always a well-formed AWS answer', async () => {
  await fc.assert(
    fc.asyncProperty(target, body, method, async (t, b, m) => {
      const r =
        m === 'POST'
          ? await post(s.url, t, b)
          : await fetch(`${s.url}/`, { method: m }).then(async (res) => ({
              status: res.status,
              text: await res.text(),
            }));
      assertWellFormed(r.status, r.text);
    }),
    { numRuns: 300, seed: 7 },
  );
  // Still alive and answering.
  expect((await post(s.url, 'TrentService.ListKeys', '{}')).status).toBe(200);
});

/** IAM and STS: forms with real actions and random members, answered as well-formed XML, never a 5xx. */
const QUERY_MEMBERS = [
  'UserName',
  'RoleName',
  'GroupName',
  'PolicyName',
  'PolicyArn',
  'PolicyDocument',
  'AssumeRolePolicyDocument',
  'AccessKeyId',
  'Status',
  'Path',
  'PathPrefix',
  'MaxItems',
  'Marker',
  'RoleArn',
  'RoleSessionName',
  'DurationSeconds',
  'Tags.member.1.Key',
  'Tags.member.1.Value',
  'Tags.member.2.Key',
  'VersionId',
  'MaxSessionDuration',
];
const queryValue = fc.oneof(
  fc.constantFrom(...NAMES, 'alice', 'Active', 'Inactive', '900', '-1', 'v1', '/', '/a/'),
  fc.constantFrom(
    'arn:aws:iam::123456789012:role/app',
    'arn:aws:iam::aws:policy/AdministratorAccess',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}',
    '{',
  ),
  fc.string({ maxLength: 40 }),
);
const form = fc
  .tuple(
    fc.constantFrom(...queryActions),
    fc.dictionary(fc.constantFrom(...QUERY_MEMBERS), queryValue, { maxKeys: 5 }),
    fc.boolean(),
  )
  .map(([[action, version], members, withVersion]) => {
    const params = new URLSearchParams({ Action: action, ...(withVersion ? { Version: version } : {}), ...members });
    return params.toString();
  });
const queryBody = fc.oneof(
  { weight: 8, arbitrary: form },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('Action=', 'Action=CreateUser&Version=2010-05-08&UserName=%', '%%%', 'a.member.99999=1'),
  },
);

test('thousands of random IAM and STS forms: always well-formed XML, never a 5xx', async () => {
  const emulator = createEmulator({ seed: 5 });
  const parser = new XMLParser();
  await fc.assert(
    fc.asyncProperty(queryBody, async (b) => {
      const r = await answerAwsRequest(emulator, {
        method: 'POST',
        hostname: 'iam.amazonaws.com',
        url: '/',
        header: (name) => (name === 'content-type' ? 'application/x-www-form-urlencoded; charset=utf-8' : null),
        body: b,
      });
      expect(r.status).toBeLessThan(500);
      const xml = parser.parse(r.body) as Record<string, unknown>;
      const [root] = Object.keys(xml).filter((k) => k !== '?xml');
      if (r.status === 200) expect(root).toMatch(/Response$/);
      else expect((xml.ErrorResponse as { Error: { Code: string } }).Error.Code).toMatch(/^\w+$/);
    }),
    { numRuns: 3000, seed: 20261206 },
  );
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
});
