import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { cliEnv, serveEmulator } from './server';

/**
 * The seed's own AWS CLI commands (aws-cli 1.x + botocore), run for real against the endpoint,
 * with the dummy credentials the banner prints.
 */
const s = serveEmulator();
const run = promisify(execFile);
// aws-cli 1.x fetches any parameter value that starts with https:// (the seed's `--value
// "https://api.pettracker.com"`) unless told not to: the documented setting for that.
const configDir = mkdtempSync(join(tmpdir(), 'cli-config-'));
writeFileSync(join(configDir, 'config'), '[default]\ncli_follow_urlparam = false\n');
const env = { ...cliEnv, AWS_CONFIG_FILE: join(configDir, 'config') };

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await run('aws', ['--endpoint-url', s.url, '--output', 'json', ...args], {
    env,
    timeout: 120_000,
  });
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
}

async function awsError(...args: string[]): Promise<string> {
  try {
    await aws(...args);
  } catch (e) {
    return String((e as { stderr?: string }).stderr);
  }
  throw new Error(`aws ${args.join(' ')} succeeded but should have failed`);
}

const dbCredentials = `{
        "username": "pettracker_app",
        "password": "SuperSecureP@ssw0rd!",
        "host": "pettracker-db.cluster-xxx.us-east-1.rds.amazonaws.com",
        "port": 5432,
        "dbname": "pettracker"
    }`;

test('Secrets Manager: create-secret from a JSON string and from file://, then get-secret-value', {
  timeout: 300_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  writeFileSync(join(dir, 'api-key.json'), '{"api_key": "sk_live_xxx"}\n');

  const [created, fromFile] = await Promise.all([
    aws(
      'secretsmanager',
      'create-secret',
      '--name',
      'pettracker/prod/db-credentials',
      '--description',
      'Production database credentials',
      '--secret-string',
      dbCredentials,
    ),
    aws(
      'secretsmanager',
      'create-secret',
      '--name',
      'pettracker/prod/api-key',
      '--secret-string',
      `file://${join(dir, 'api-key.json')}`,
    ),
  ]);
  const [db, api, duplicate, replicated] = await Promise.all([
    aws('secretsmanager', 'get-secret-value', '--secret-id', 'pettracker/prod/db-credentials'),
    aws('secretsmanager', 'get-secret-value', '--secret-id', fromFile.ARN),
    awsError('secretsmanager', 'create-secret', '--name', 'pettracker/prod/api-key', '--secret-string', 'x'),
    aws(
      'secretsmanager',
      'replicate-secret-to-regions',
      '--secret-id',
      fromFile.ARN,
      '--add-replica-regions',
      'Region=eu-west-1',
    ),
  ]);
  // The replica, read in its own region (the CLI signs for eu-west-1) under the replica ARN.
  const replicaArn = fromFile.ARN.replace(':us-east-1:', ':eu-west-1:');
  const replica = await aws('--region', 'eu-west-1', 'secretsmanager', 'get-secret-value', '--secret-id', replicaArn);

  expect(created).toMatchObject({ Name: 'pettracker/prod/db-credentials', VersionId: expect.any(String) });
  expect(created.ARN).toMatch(
    /^arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker\/prod\/db-credentials-[A-Za-z0-9]{6}$/,
  );
  expect(JSON.parse(db.SecretString)).toEqual({
    username: 'pettracker_app',
    password: 'SuperSecureP@ssw0rd!',
    host: 'pettracker-db.cluster-xxx.us-east-1.rds.amazonaws.com',
    port: 5432,
    dbname: 'pettracker',
  });
  expect(db.VersionStages).toEqual(['AWSCURRENT']);
  // aws-cli 1.x prints the wire's epoch seconds; 2.x prints ISO 8601.
  expect(
    new Date(typeof db.CreatedDate === 'number' ? db.CreatedDate * 1000 : db.CreatedDate).getUTCFullYear(),
  ).toBeGreaterThanOrEqual(2026);
  expect(api.SecretString).toBe('{"api_key": "sk_live_xxx"}\n');
  expect(duplicate).toContain('ResourceExistsException');
  expect(replicated.ReplicationStatus).toEqual([
    { Region: 'eu-west-1', KmsKeyId: 'alias/aws/secretsmanager', Status: 'InProgress' },
  ]);
  expect(replica).toMatchObject({ ARN: replicaArn, SecretString: api.SecretString });
});

test('Parameter Store: the three types, a SecureString under alias/pettracker, read back every way', {
  timeout: 300_000,
}, async () => {
  // alias/pettracker is there from the start: the endpoint preloads the key the seed names.
  const described = await aws('kms', 'describe-key', '--key-id', 'alias/pettracker');

  // Independent commands run side by side: each aws-cli start costs a second or more.
  const [, , , put] = await Promise.all([
    aws(
      'ssm',
      'put-parameter',
      '--name',
      '/pettracker/prod/api-url',
      '--type',
      'String',
      '--value',
      'https://api.pettracker.com',
    ),
    aws(
      'ssm',
      'put-parameter',
      '--name',
      '/pettracker/prod/db-password',
      '--type',
      'SecureString',
      '--value',
      'SuperSecureP@ssw0rd!',
    ),
    aws(
      'ssm',
      'put-parameter',
      '--name',
      '/pettracker/prod/api-key',
      '--type',
      'SecureString',
      '--key-id',
      'alias/pettracker',
      '--value',
      'sk_live_xxx',
    ),
    aws(
      'ssm',
      'put-parameter',
      '--name',
      '/pettracker/prod/hosts',
      '--type',
      'StringList',
      '--value',
      'a.example,b.example',
    ),
  ]);

  const [encrypted, decrypted, several, byPath, exists] = await Promise.all([
    aws('ssm', 'get-parameter', '--name', '/pettracker/prod/db-password'),
    aws('ssm', 'get-parameter', '--name', '/pettracker/prod/db-password', '--with-decryption'),
    aws(
      'ssm',
      'get-parameters',
      '--names',
      '/pettracker/prod/db-password',
      '/pettracker/prod/api-key',
      '/pettracker/prod/missing',
      '--with-decryption',
    ),
    aws('ssm', 'get-parameters-by-path', '--path', '/pettracker/prod/', '--with-decryption'),
    awsError('ssm', 'put-parameter', '--name', '/pettracker/prod/api-url', '--type', 'String', '--value', 'x'),
  ]);

  expect(described.KeyMetadata).toMatchObject({ KeyManager: 'CUSTOMER', KeyState: 'Enabled' });
  expect(put).toEqual({ Version: 1, Tier: 'Standard' });
  expect(encrypted.Parameter).toMatchObject({ Name: '/pettracker/prod/db-password', Type: 'SecureString', Version: 1 });
  expect(encrypted.Parameter.Value).not.toBe('SuperSecureP@ssw0rd!');
  expect(decrypted.Parameter.Value).toBe('SuperSecureP@ssw0rd!');
  expect(decrypted.Parameter.ARN).toBe('arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/prod/db-password');
  expect(Object.fromEntries(several.Parameters.map((p: any) => [p.Name, p.Value]))).toEqual({
    '/pettracker/prod/db-password': 'SuperSecureP@ssw0rd!',
    '/pettracker/prod/api-key': 'sk_live_xxx',
  });
  expect(several.InvalidParameters).toEqual(['/pettracker/prod/missing']);
  expect(Object.fromEntries(byPath.Parameters.map((p: any) => [p.Name, [p.Type, p.Value]]))).toEqual({
    '/pettracker/prod/api-url': ['String', 'https://api.pettracker.com'],
    '/pettracker/prod/db-password': ['SecureString', 'SuperSecureP@ssw0rd!'],
    '/pettracker/prod/api-key': ['SecureString', 'sk_live_xxx'],
    '/pettracker/prod/hosts': ['StringList', 'a.example,b.example'],
  });
  expect(exists).toContain('ParameterAlreadyExists');
});

test('the key behind a SecureString matters: disabling alias/pettracker stops decryption', {
  timeout: 300_000,
}, async () => {
  // Its own parameter, so the test does not depend on the Parameter Store test running first.
  const name = '/pettracker/test/key-matters';
  const [key] = await Promise.all([
    aws('kms', 'describe-key', '--key-id', 'alias/pettracker'),
    aws(
      'ssm',
      'put-parameter',
      '--name',
      name,
      '--type',
      'SecureString',
      '--key-id',
      'alias/pettracker',
      '--value',
      'sk_live_xxx',
    ),
  ]);
  await aws('kms', 'disable-key', '--key-id', key.KeyMetadata.KeyId);

  const failure = await awsError('ssm', 'get-parameter', '--name', name, '--with-decryption');
  const stillEncrypted = await aws('ssm', 'get-parameter', '--name', name);
  await aws('kms', 'enable-key', '--key-id', key.KeyMetadata.KeyId);
  const again = await aws('ssm', 'get-parameter', '--name', name, '--with-decryption');

  expect(failure).toMatch(/An error occurred \(\w+\) when calling the GetParameter operation/);
  expect(stillEncrypted.Parameter.Value).not.toBe('sk_live_xxx');
  expect(again.Parameter.Value).toBe('sk_live_xxx');
});
