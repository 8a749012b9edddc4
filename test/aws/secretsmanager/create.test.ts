import {
  CreateSecretCommand,
  DecryptionFailure,
  DeleteSecretCommand,
  DescribeSecretCommand,
  EncryptionFailure,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ResourceExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, customerKey, expectError, expectErrorNamed, token } from './helpers';

const aws = useEmulator();
const { sm } = aws;

describe('CreateSecret', () => {
  it('returns the ARN (name plus a hyphen and six random characters), the name and the version id', async () => {
    const out = await sm.send(
      new CreateSecretCommand({ Name: 'prod/db', SecretString: '{"user":"app"}', ClientRequestToken: token(1) }),
    );
    expect(out.Name).toBe('prod/db');
    expect(out.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:prod\/db-[A-Za-z0-9]{6}$/);
    expect(out.VersionId).toBe(token(1));
  });

  it('generates a VersionId through the SDK when no token is given', async () => {
    const out = await createSecret(sm, 'a');
    expect(out.VersionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stores SecretBinary and gives the same bytes back', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await sm.send(new CreateSecretCommand({ Name: 'bin', SecretBinary: bytes }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'bin' }));
    expect(got.SecretString).toBeUndefined();
    expect(Array.from(got.SecretBinary ?? [])).toEqual([0, 1, 2, 250, 255]);
  });

  it('keeps only ciphertext in the emulator state', async () => {
    await createSecret(sm, 'hidden', 'super-secret-password');
    const stored = JSON.stringify(aws.emulator.snapshot());
    expect(stored).toContain('"Name":"hidden"');
    expect(stored).not.toContain('super-secret-password');
    // Stored all the same: encrypted, not dropped.
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'hidden' }))).SecretString).toBe(
      'super-secret-password',
    );
  });

  it('records description and tags, and omits KmsKeyId for the AWS managed key', async () => {
    await createSecret(sm, 'tagged', 'x', { Description: 'db creds', Tags: [{ Key: 'env', Value: 'prod' }] });
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'tagged' }));
    expect(d.Description).toBe('db creds');
    expect(d.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect(d.KmsKeyId).toBeUndefined();
    expect(d.RotationEnabled).toBeUndefined();
    expect(d.CreatedDate?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('rejects a second secret with the same name', async () => {
    await createSecret(sm, 'dup');
    await expectError(
      createSecret(sm, 'dup'),
      ResourceExistsException,
      'The operation failed because the secret dup already exists.',
    );
  });

  it('is idempotent for the same ClientRequestToken and value', async () => {
    const first = await createSecret(sm, 'idem', 'v', { ClientRequestToken: token(7) });
    const again = await createSecret(sm, 'idem', 'v', { ClientRequestToken: token(7) });
    expect(again).toMatchObject({ ARN: first.ARN, VersionId: token(7) });
  });

  it('refuses the same ClientRequestToken with different data', async () => {
    const { ARN } = await createSecret(sm, 'idem2', 'v', { ClientRequestToken: token(8) });
    await expectError(
      createSecret(sm, 'idem2', 'other', { ClientRequestToken: token(8) }),
      ResourceExistsException,
      `You can't use ClientRequestToken ${token(8)} because that value is already in use for a version of secret ${ARN}.`,
    );
  });

  it('refuses SecretString and SecretBinary together', async () => {
    await expectError(
      sm.send(new CreateSecretCommand({ Name: 'both', SecretString: 'a', SecretBinary: new Uint8Array([1]) })),
      InvalidParameterException,
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  });

  it('validates names: allowed characters and at most 512 characters', async () => {
    await expectErrorNamed(
      createSecret(sm, 'bad name!'),
      'ValidationException',
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    );
    await expectErrorNamed(
      createSecret(sm, 'x'.repeat(513)),
      'ValidationException',
      /Member must have length less than or equal to 512/,
    );
    const ok = await createSecret(sm, 'x'.repeat(512));
    expect(ok.Name).toHaveLength(512);
  });

  it('accepts a name ending in a hyphen and six characters (AWS only advises against it)', async () => {
    const out = await createSecret(sm, 'app-abc123');
    expect(out.ARN).toMatch(/secret:app-abc123-[A-Za-z0-9]{6}$/);
  });

  it('enforces the 65,536-byte limit on SecretString and SecretBinary', async () => {
    await createSecret(sm, 'max', 'a'.repeat(65_536));
    await expectErrorNamed(createSecret(sm, 'over', 'a'.repeat(65_537)), 'ValidationException', /65536/);
    await expectErrorNamed(createSecret(sm, 'over-utf8', 'é'.repeat(32_769)), 'ValidationException', /65536/);
    await expectErrorNamed(
      sm.send(new CreateSecretCommand({ Name: 'binover', SecretBinary: new Uint8Array(65_537) })),
      'ValidationException',
    );
  });

  it('creates a secret without a value: no versions until one is put', async () => {
    const out = await sm.send(new CreateSecretCommand({ Name: 'empty' }));
    expect(out.VersionId).toBeUndefined();
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'empty' }));
    expect(d.VersionIdsToStages).toBeUndefined();
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 'empty' })),
      ResourceNotFoundException,
      "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
    );
  });

  it('refuses a name that is scheduled for deletion', async () => {
    await createSecret(sm, 'gone');
    await sm.send(new DeleteSecretCommand({ SecretId: 'gone' }));
    await expectError(
      createSecret(sm, 'gone'),
      InvalidRequestException,
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    );
  });
});

describe('CreateSecret with a customer managed KMS key', () => {
  it('encrypts under the named key and reports its alias ARN', async () => {
    const key = customerKey(aws.emulator, 'alias/app');
    await createSecret(sm, 'cmk', 'value', { KmsKeyId: 'alias/app' });
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'cmk' }));
    expect(d.KmsKeyId).toBe('arn:aws:kms:us-east-1:123456789012:alias/app');
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'cmk' }));
    expect(got.SecretString).toBe('value');
    expect(key.KeyId).toBeTruthy();
  });

  it('fails GetSecretValue once the key is disabled, and works again when re-enabled', async () => {
    const key = customerKey(aws.emulator, 'alias/app');
    await createSecret(sm, 'cmk', 'value', { KmsKeyId: key.Arn });
    key.KeyState = 'Disabled';
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 'cmk' })),
      DecryptionFailure,
      "Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
    );
    key.KeyState = 'Enabled';
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'cmk' }))).SecretString).toBe('value');
  });

  it('cannot store a value under a disabled key', async () => {
    const key = customerKey(aws.emulator, 'alias/app');
    key.KeyState = 'Disabled';
    await expectError(createSecret(sm, 'cmk', 'value', { KmsKeyId: 'alias/app' }), EncryptionFailure);
    await expectError(sm.send(new DescribeSecretCommand({ SecretId: 'cmk' })), ResourceNotFoundException);
  });

  it('reports a key that does not exist', async () => {
    await expectError(createSecret(sm, 'nokey', 'v', { KmsKeyId: 'alias/missing' }), ResourceNotFoundException);
  });
});

describe('CreateSecret with unusual but valid names', () => {
  it('stores a secret named __proto__ like any other', async () => {
    await createSecret(sm, '__proto__', 'p');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: '__proto__' }))).SecretString).toBe('p');
    expect(JSON.stringify(aws.emulator.snapshot())).toContain('"__proto__"');
  });
});
