import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { expect, test } from 'vitest';
import { cliEnv, credentials, serveEmulator } from './server';

const s = serveEmulator();
const script = fileURLToPath(new URL('./boto3_seed.py', import.meta.url));
const iamScript = fileURLToPath(new URL('./boto3_iam.py', import.meta.url));

test("boto3 runs the seed's Python snippets unchanged against the endpoint", { timeout: 120_000 }, async () => {
  const config = { endpoint: s.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  const ssm = new SSMClient(config);
  const db = {
    username: 'pettracker_app',
    password: 'SuperSecureP@ssw0rd!',
    host: 'db.local',
    port: 5432,
    dbname: 'pettracker',
  };
  await new SecretsManagerClient(config).send(
    new CreateSecretCommand({ Name: 'pettracker/prod/db-credentials', SecretString: JSON.stringify(db) }),
  );
  await ssm.send(
    new PutParameterCommand({ Name: '/pettracker/prod/api-url', Type: 'String', Value: 'https://api.pettracker.com' }),
  );
  await ssm.send(
    new PutParameterCommand({
      Name: '/pettracker/prod/db-password',
      Type: 'SecureString',
      Value: 'SuperSecureP@ssw0rd!',
    }),
  );
  await ssm.send(
    new PutParameterCommand({
      Name: '/pettracker/prod/api-key',
      Type: 'SecureString',
      KeyId: 'alias/pettracker',
      Value: 'sk_live_xxx',
    }),
  );

  const { stdout } = await promisify(execFile)('python3', [script, s.url], { env: cliEnv, timeout: 90_000 });
  const out = JSON.parse(stdout);

  expect(out.credentials).toEqual(db);
  expect(out.password).toBe('SuperSecureP@ssw0rd!');
  expect(out.by_path).toEqual({
    '/pettracker/prod/api-url': 'https://api.pettracker.com',
    '/pettracker/prod/db-password': 'SuperSecureP@ssw0rd!',
    '/pettracker/prod/api-key': 'sk_live_xxx',
  });
  expect(out.several).toEqual({
    '/pettracker/prod/db-password': 'SuperSecureP@ssw0rd!',
    '/pettracker/prod/api-key': 'sk_live_xxx',
  });
  expect(out.invalid).toEqual([]);
  expect(out.missing).toBe('ResourceNotFoundException');
});

test('boto3 runs the IAM/STS scenario: path-based Allow, resource-policy Deny, kms:ViaService, assume-role, policy versions, bad keys', {
  timeout: 120_000,
}, async () => {
  const { stdout } = await promisify(execFile)('python3', [iamScript, s.url], { env: cliEnv, timeout: 90_000 });
  const out = JSON.parse(stdout);

  expect(out.keys).toEqual(['Active']);
  expect(out.who).toBe('arn:aws:iam::123456789012:user/team/ops');
  expect(out.allowed).toBe('db');
  expect(out.other_path).toMatch(
    /^AccessDeniedException: User: arn:aws:iam::123456789012:user\/team\/ops is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:billing\/card-\w{6} because no identity-based policy allows the secretsmanager:GetSecretValue action$/,
  );
  expect(out.resource_deny).toMatch(/^AccessDeniedException: .* with an explicit deny in a resource-based policy$/);
  expect(out.via_ssm).toBe('sk_live_xxx');
  expect(out.direct).toMatch(
    /^AccessDeniedException: User: arn:aws:iam::123456789012:user\/team\/ops is not authorized to perform: kms:Decrypt/,
  );
  expect(out.bad_signature).toMatch(/^InvalidSignatureException: The request signature we calculated does not match/);
  expect(out.bad_signature_sts).toMatch(/^SignatureDoesNotMatch: The request signature we calculated does not match/);
  expect(out.session_who).toBe('arn:aws:sts::123456789012:assumed-role/auditor/audit');
  expect(out.session_read).toBe('card');
  expect(out.new_default).toMatch(
    /^AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role\/auditor\/audit is not authorized to perform: secretsmanager:GetSecretValue on resource: .* with an explicit deny in an identity-based policy$/,
  );
  expect(out.default_back).toBe('card');
  expect(out.versions).toEqual([
    ['v2', false],
    ['v1', true],
  ]);
  expect(out.expiration_after_now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  expect(out.inactive).toBe('UnrecognizedClientException: The security token included in the request is invalid.');
  expect(out.inactive_sts).toBe('InvalidClientTokenId: The security token included in the request is invalid.');
});
