import { expect, test } from 'vitest';
import { defineChecks } from '../../src/sandbox/checkKit';
import { runSession } from '../../src/sandbox/inProcess';
import { fixtureSchema } from '../../src/schema/fixture';

const fixture = fixtureSchema.parse({
  secrets: [{ name: 'pettracker/dev/db-credentials', value: { username: 'pettracker_app', password: 'p@ss' } }],
  parameters: [{ name: '/pettracker/dev/api-url', value: 'https://api.dev.pettracker.example' }],
});

const tasks = defineChecks([
  {
    id: 'reads',
    title: 'Reads the secret once',
    run: (t) => t.expect(t.calls('secretsmanager', 'GetSecretValue').length === 1, 'Call GetSecretValue exactly once.'),
  },
  {
    id: 'exports',
    title: 'Exports the username',
    run: async (t) => {
      const { SecretString } = await t.sm.send(
        new (await import('@aws-sdk/client-secrets-manager')).GetSecretValueCommand({
          SecretId: 'pettracker/dev/db-credentials',
        }),
      );
      t.expect(t.exports.username === JSON.parse(SecretString ?? '{}').username, 'Export `username` from the secret.');
    },
  },
]);

const solution = `
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
const client = new SecretsManagerClient({});
const out = await client.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));
const creds: { username: string } = JSON.parse(out.SecretString!);
console.log('user', creds.username, { n: 1 });
export const username = creds.username;
`;

test('learner code reads a fixture secret through the real SDK; checks pass; only its calls are logged', async () => {
  const lines: string[] = [];
  const r = await runSession(
    solution,
    { fixture, tasks },
    { onConsole: (batch) => lines.push(...batch.map((l) => l.text)) },
  );
  expect(r.error).toBeUndefined();
  expect(r.checks).toEqual([
    { id: 'reads', title: 'Reads the secret once', passed: true },
    { id: 'exports', title: 'Exports the username', passed: true },
  ]);
  expect(r.passed).toBe(true);
  expect(lines).toEqual(['user pettracker_app { n: 1 }']);
  expect(r.calls.map((c) => `${c.service}.${c.operation}:${c.outcome}`)).toEqual(['secretsmanager.GetSecretValue:ok']);
  expect(r.state.accounts['123456789012']?.['us-east-1']?.secretsmanager).toBeDefined();
});

test('a failing check says what to do next', async () => {
  const r = await runSession(`export const username = 'nobody';`, { fixture, tasks });
  expect(r.passed).toBe(false);
  expect(r.checks.map((c) => [c.id, c.passed, c.message])).toEqual([
    ['reads', false, 'Call GetSecretValue exactly once.'],
    ['exports', false, 'Export `username` from the secret.'],
  ]);
});

test("a thrown error is reported at the learner's line, with the SDK's own error name", async () => {
  const code = [
    "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';",
    'const client = new SecretsManagerClient({});',
    '',
    "await client.send(new GetSecretValueCommand({ SecretId: 'missing' }));",
  ].join('\n');
  const r = await runSession(code, undefined);
  expect(r.error).toMatchObject({ name: 'ResourceNotFoundException', phase: 'runtime' });
  const thrower = await runSession('const a = 1;\n\nthrow new RangeError("bad " + a);', undefined);
  expect(thrower.error).toMatchObject({ name: 'RangeError', message: 'bad 1', line: 3, phase: 'runtime' });
});

test('a syntax error is reported with its line before anything runs', async () => {
  const r = await runSession('const x = 1;\nconst = 2;', undefined);
  expect(r.error).toMatchObject({ name: 'SyntaxError', line: 2, phase: 'transpile' });
});

test('importing anything else is refused by name, and so is the network', async () => {
  expect((await runSession("import fs from 'node:fs';", undefined)).error?.message).toBe(
    "Cannot import 'node:fs' in the sandbox. Available: @aws-sdk/client-secrets-manager, @aws-sdk/client-ssm, @aws-sdk/client-kms, @aws-sdk/client-sts, @lab/clock, @pettracker/db",
  );
  const net = await runSession("await fetch('https://example.com/');", undefined);
  expect(net.error).toMatchObject({ name: 'SandboxNetworkError' });
  expect(net.error?.message).toContain('GET https://example.com/');
});

test('Date in learner code follows the simulated clock', async () => {
  const r = await runSession(
    "import { advance } from '@lab/clock';\nconsole.log(new Date().toISOString());\nadvance('2 days');\nconsole.log(new Date(Date.now()).toISOString());",
    {
      fixture: fixtureSchema.parse({ clock: '2026-03-01T00:00:00Z' }),
      tasks: [],
    },
  );
  expect(r.output.map((l) => l.text)).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z']);
});

test('each SDK package is there whether imported at the top or with import(), with the sandbox defaults', async () => {
  const r = await runSession(
    `
import { SSMClient } from '@aws-sdk/client-ssm';
const { KMSClient, ListKeysCommand } = await import('@aws-sdk/client-kms');
const ssm = new SSMClient({});
console.log(await ssm.config.region(), (await new KMSClient({}).send(new ListKeysCommand({}))).Keys?.length);
`,
    undefined,
  );
  expect(r.error).toBeUndefined();
  // The emulator's account starts with the two AWS managed keys (aws/secretsmanager, aws/ssm).
  expect(r.output.map((l) => l.text)).toEqual(['us-east-1 2']);
  expect(r.calls.map((c) => `${c.service}.${c.operation}`)).toEqual(['kms.ListKeys']);
});

test("a fixture's environment reaches process.env; an encrypted value is KMS ciphertext that decrypts only with its context", async () => {
  // Prepare: a plain variable and one stored as the Lambda console's encryption helpers store it.
  const withEnv = fixtureSchema.parse({
    keys: [{ alias: 'alias/pettracker-env' }],
    environment: {
      AWS_LAMBDA_FUNCTION_NAME: 'pettracker-reminders',
      SMS_API_KEY: {
        value: 'sms-key-example',
        encryptWith: 'alias/pettracker-env',
        encryptionContext: { LambdaFunctionName: 'pettracker-reminders' },
      },
    },
  });
  const code = `
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
const kms = new KMSClient({});
const blob = Uint8Array.from(atob(process.env.SMS_API_KEY ?? ''), (c) => c.charCodeAt(0));
const name = process.env.AWS_LAMBDA_FUNCTION_NAME ?? '';
const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { LambdaFunctionName: name } }));
const without = await kms.send(new DecryptCommand({ CiphertextBlob: blob })).catch((e: Error) => e.name);
console.log(name, process.env.ENVIRONMENT, new TextDecoder().decode(Plaintext), without);
`;
  // Act
  const r = await runSession(code, { fixture: withEnv, tasks: [] });
  // Assess: the sandbox's own variables are still there, and only the learner's calls are logged.
  expect(r.error).toBeUndefined();
  expect(r.output.map((l) => l.text)).toEqual(['pettracker-reminders dev sms-key-example InvalidCiphertextException']);
  expect(r.calls.map((c) => `${c.operation}:${c.outcome}`)).toEqual([
    'Decrypt:ok',
    'Decrypt:InvalidCiphertextException',
  ]);
});

test("a secret's masterSecret puts the superuser secret's full ARN in its JSON as masterarn", async () => {
  const withMaster = fixtureSchema.parse({
    secrets: [
      { name: 'pettracker/prod/db-master', value: { username: 'pettracker_admin', password: 'a' } },
      {
        name: 'pettracker/prod/db-credentials',
        value: { username: 'pettracker_app', password: 'b' },
        masterSecret: 'pettracker/prod/db-master',
      },
    ],
  });
  const code = `
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
const sm = new SecretsManagerClient({});
const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/db-credentials' }));
const { ARN } = await sm.send(new DescribeSecretCommand({ SecretId: 'pettracker/prod/db-master' }));
const value = JSON.parse(SecretString ?? '{}');
console.log(value.username, value.masterarn === ARN, /:secret:pettracker\\/prod\\/db-master-[A-Za-z0-9]{6}$/.test(value.masterarn));
`;
  const r = await runSession(code, { fixture: withMaster, tasks: [] });
  expect(r.error).toBeUndefined();
  expect(r.output.map((l) => l.text)).toEqual(['pettracker_app true true']);
  // A masterSecret that is not listed before is an authoring error, and so is a text value.
  expect(() => fixtureSchema.parse({ secrets: [{ name: 'a', value: 'text', masterSecret: 'b' }] })).toThrow(
    /masterSecret needs a value given as a mapping/,
  );
  const unknown = fixtureSchema.parse({ secrets: [{ name: 'a', value: { u: 1 }, masterSecret: 'b' }] });
  expect((await runSession('', { fixture: unknown, tasks: [] })).error?.message).toMatch(
    /Fixture secret a: masterSecret b is not listed before it/,
  );
});
