import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { credentials, serveEmulator } from './server';

// The fast path and msw's getResponse must give the same answers.
describe.each([
  ['direct dispatch', false],
  ['through msw getResponse', true],
])('%s', (_mode, viaMsw) => {
  const s = serveEmulator({ viaMsw });
  const config = () => ({ endpoint: s.url, region: 'us-east-1', credentials, maxAttempts: 1 });

  test('the real Secrets Manager client creates and reads a secret through the HTTP endpoint', async () => {
    const sm = new SecretsManagerClient(config());

    const created = await sm.send(new CreateSecretCommand({ Name: 'sdk/db', SecretString: '{"user":"app"}' }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/db' }));

    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:sdk\/db-[A-Za-z0-9]{6}$/);
    expect(got.SecretString).toBe('{"user":"app"}');
    expect(got.VersionStages).toEqual(['AWSCURRENT']);
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/none' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  test('the real SSM client stores a SecureString under a customer key and reads it back decrypted', async () => {
    const kms = new KMSClient(config());
    const ssm = new SSMClient(config());
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sdk', TargetKeyId: KeyMetadata?.KeyId }));

    await ssm.send(
      new PutParameterCommand({ Name: '/sdk/key', Type: 'SecureString', Value: 'sk', KeyId: 'alias/sdk' }),
    );
    const plain = await ssm.send(new GetParameterCommand({ Name: '/sdk/key', WithDecryption: true }));
    const cipher = await ssm.send(new GetParameterCommand({ Name: '/sdk/key' }));

    expect(plain.Parameter).toMatchObject({ Name: '/sdk/key', Type: 'SecureString', Value: 'sk', Version: 1 });
    expect(cipher.Parameter?.Value).not.toBe('sk');
    await expect(ssm.send(new GetParameterCommand({ Name: '/sdk/none' }))).rejects.toBeInstanceOf(ParameterNotFound);
  });

  test('the real KMS client encrypts and decrypts through the HTTP endpoint', async () => {
    const kms = new KMSClient(config());
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'http' }));

    const enc = await kms.send(
      new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: new TextEncoder().encode('hi') }),
    );
    const dec = await kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));

    expect(new TextDecoder().decode(dec.Plaintext)).toBe('hi');
    expect(dec.KeyId).toBe(`arn:aws:kms:us-east-1:123456789012:key/${KeyMetadata?.KeyId}`);
  });

  test('the region comes from the request signature: us-west-2 state is separate', async () => {
    const west = new SecretsManagerClient({ ...config(), region: 'us-west-2' });
    await west.send(new CreateSecretCommand({ Name: 'sdk/west', SecretString: 'w' }));

    const got = await west.send(new GetSecretValueCommand({ SecretId: 'sdk/west' }));
    expect(got.ARN).toContain(':us-west-2:');
    await expect(
      new SecretsManagerClient(config()).send(new GetSecretValueCommand({ SecretId: 'sdk/west' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  test('every call is logged in one line', () => {
    expect(
      s.lines.some((l) => /^\d\d:\d\d:\d\d\.\d{3} secretsmanager\.GetSecretValue SecretId=sdk\/db ok$/.test(l)),
    ).toBe(true);
    expect(
      s.lines.some((l) => / secretsmanager\.GetSecretValue SecretId=sdk\/none ResourceNotFoundException$/.test(l)),
    ).toBe(true);
  });
});
