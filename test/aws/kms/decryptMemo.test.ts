import {
  CancelKeyDeletionCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  PutKeyPolicyCommand,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useEmulator, userWithPolicy } from '../../support/aws';

/**
 * Reads remember their decryption (src/aws/kms/crypto.ts): a value read a moment ago must still be
 * refused the very next time the key, its policy or a grant says no. Every case reads twice first,
 * so the value is remembered, then changes one thing and reads again, through the real SDK.
 */
const aws = useEmulator();
const ACCOUNT = '123456789012';
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => `${e.name}: ${e.message}`,
  );

async function keyedSecret(name: string) {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId ?? '';
  await aws.sm.send(new CreateSecretCommand({ Name: name, SecretString: 's3cret', KmsKeyId: KeyId }));
  return KeyId;
}

/** An IAM user allowed GetSecretValue (and `kms` statements, if given), with its own SDK clients. */
function user(name: string, ...kms: object[]) {
  return userWithPolicy(
    aws.iam,
    name,
    { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
    ...kms,
  );
}

describe('a remembered decryption never answers a refused read', () => {
  it('a disabled key or one pending deletion refuses the next read (Secrets Manager and SSM)', async () => {
    const KeyId = await keyedSecret('app/db');
    await aws.ssm.send(new PutParameterCommand({ Name: '/app/pw', Type: 'SecureString', Value: 'pw', KeyId }));
    const read = () => outcome(aws.sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
    const readParameter = () =>
      outcome(aws.ssm.send(new GetParameterCommand({ Name: '/app/pw', WithDecryption: true })));
    const warm = [await read(), await read(), await readParameter(), await readParameter()];

    await aws.kms.send(new DisableKeyCommand({ KeyId }));
    const disabled = [await read(), await readParameter()];
    await aws.kms.send(new EnableKeyCommand({ KeyId }));
    const enabled = await read();
    await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    const pending = [await read(), await readParameter()];
    await aws.kms.send(new CancelKeyDeletionCommand({ KeyId }));
    await aws.kms.send(new EnableKeyCommand({ KeyId }));
    await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    await aws.emulator.advance('8 days');
    const deleted = await read();

    expect(warm).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    expect(disabled[0]).toMatch(/^DecryptionFailure: /);
    expect(disabled[1]).toMatch(/^InvalidKeyId: .*is disabled/);
    expect(enabled).toBe('allowed');
    expect(pending[0]).toMatch(/^DecryptionFailure: /);
    expect(pending[1]).toMatch(/^InvalidKeyId: .*pending deletion/);
    expect(deleted).toMatch(/^DecryptionFailure: /);
  });

  it('a revoked grant and a key-policy Deny refuse the next read', async () => {
    const KeyId = await keyedSecret('app/db');
    const app = await user('app');
    const ops = await user('ops', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });
    const { GrantId } = await aws.kms.send(
      new CreateGrantCommand({ KeyId, GranteePrincipal: `arn:aws:iam::${ACCOUNT}:user/app`, Operations: ['Decrypt'] }),
    );
    const read = (as: typeof app) => outcome(as.sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
    const warm = [await read(app), await read(app), await read(ops), await read(ops)];

    await aws.kms.send(new RevokeGrantCommand({ KeyId, GrantId }));
    const revoked = await read(app);
    await aws.kms.send(
      new PutKeyPolicyCommand({
        KeyId,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
            {
              Effect: 'Deny',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/ops` },
              Action: 'kms:Decrypt',
              Resource: '*',
            },
          ],
        }),
      }),
    );
    const denied = await read(ops);

    expect(warm).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    expect(revoked).toBe('AccessDeniedException: Access to KMS is not allowed');
    expect(denied).toBe('AccessDeniedException: Access to KMS is not allowed');
  });

  it('a ciphertext decrypted once still needs its own encryption context', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    const EncryptionContext = { tenant: 'a' };
    const { CiphertextBlob } = await aws.kms.send(
      new EncryptCommand({ KeyId: KeyMetadata?.KeyId, Plaintext: new TextEncoder().encode('x'), EncryptionContext }),
    );
    const decrypt = (context: Record<string, string>) =>
      outcome(aws.kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context })));

    const warm = [await decrypt(EncryptionContext), await decrypt(EncryptionContext)];
    const other = await decrypt({ tenant: 'b' });

    expect(warm).toEqual(['allowed', 'allowed']);
    expect(other).toMatch(/^InvalidCiphertextException: /);
  });
});
