import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { expect, test } from 'vitest';
import { cliEnv, credentials, serveEmulator } from './server';

const s = serveEmulator();
const script = fileURLToPath(new URL('./boto3_seed.py', import.meta.url));

test("boto3 runs the seed's Python snippets unchanged against the endpoint", { timeout: 120_000 }, async () => {
  const config = { endpoint: s.url, region: 'us-east-1', credentials, maxAttempts: 1 };
  const kms = new KMSClient(config);
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
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  await kms.send(new CreateAliasCommand({ AliasName: 'alias/pettracker', TargetKeyId: KeyMetadata?.KeyId }));
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
