import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  GetSecretValueCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator, userWithPolicy } from '../../support/aws';

/**
 * Policies are parsed and compiled once per document and reused (src/aws/policy/parsePolicy.ts,
 * compile.ts), and a caller's policy set is kept until IAM changes (src/aws/iam/credentials.ts).
 * Neither may outlive a write: each case reads twice first (so everything is cached), then changes
 * one policy and reads again at once, through the real SDK with an issued key.
 */
const aws = useEmulator();
const ACCOUNT = '123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => e.name,
  );
const READ = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' };

describe('a policy write takes effect on the very next request', () => {
  it("a secret's resource policy: put, replaced, deleted", async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 's3cret' }));
    const dev = await userWithPolicy(aws.iam, 'dev', READ);
    const ro = await userWithPolicy(aws.iam, 'ro');
    const read = (as: typeof dev) => outcome(as.sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
    const put = (...statements: object[]) =>
      aws.sm.send(new PutResourcePolicyCommand({ SecretId: 'app/db', ResourcePolicy: doc(...statements) }));
    const names = (user: string) => ({ AWS: `arn:aws:iam::${ACCOUNT}:user/${user}` });
    const warm = [await read(dev), await read(dev), await read(ro), await read(ro)];

    await put({ Effect: 'Deny', Principal: names('dev'), Action: 'secretsmanager:*', Resource: '*' });
    const denied = [await read(dev), await read(ro)];
    await put({ Effect: 'Allow', Principal: names('ro'), Action: 'secretsmanager:GetSecretValue', Resource: '*' });
    const replaced = [await read(dev), await read(ro)];
    await aws.sm.send(new DeleteResourcePolicyCommand({ SecretId: 'app/db' }));
    const deleted = [await read(dev), await read(ro)];

    expect(warm).toEqual(['allowed', 'allowed', 'AccessDeniedException', 'AccessDeniedException']);
    expect(denied).toEqual(['AccessDeniedException', 'AccessDeniedException']);
    expect(replaced).toEqual(['allowed', 'allowed']);
    expect(deleted).toEqual(['allowed', 'AccessDeniedException']);
  });

  it('identity policies: inline replaced and deleted, managed attached and detached, a group joined and left', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 's3cret' }));
    const dev = await userWithPolicy(aws.iam, 'dev', READ);
    const read = () => outcome(dev.sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })));
    const inline = (...statements: object[]) =>
      aws.iam.send(new PutUserPolicyCommand({ UserName: 'dev', PolicyName: 'p', PolicyDocument: doc(...statements) }));
    const { Policy } = await aws.iam.send(new CreatePolicyCommand({ PolicyName: 'read', PolicyDocument: doc(READ) }));
    const PolicyArn = Policy?.Arn ?? '';
    await aws.iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await aws.iam.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'g', PolicyDocument: doc(READ) }));
    const warm = [await read(), await read()];

    await inline({ ...READ, Effect: 'Deny' });
    const replaced = await read();
    await aws.iam.send(new DeleteUserPolicyCommand({ UserName: 'dev', PolicyName: 'p' }));
    const deleted = await read();
    await aws.iam.send(new AttachUserPolicyCommand({ UserName: 'dev', PolicyArn }));
    const attached = await read();
    await aws.iam.send(new DetachUserPolicyCommand({ UserName: 'dev', PolicyArn }));
    const detached = await read();
    await aws.iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'dev' }));
    const joined = await read();
    await aws.iam.send(new RemoveUserFromGroupCommand({ GroupName: 'readers', UserName: 'dev' }));
    const left = await read();

    expect(warm).toEqual(['allowed', 'allowed']);
    expect([replaced, deleted]).toEqual(['AccessDeniedException', 'AccessDeniedException']);
    expect([attached, detached]).toEqual(['allowed', 'AccessDeniedException']);
    expect([joined, left]).toEqual(['allowed', 'AccessDeniedException']);
  });

  it('a KMS key policy: replaced, then given back', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    const KeyId = KeyMetadata?.KeyId ?? '';
    const { CiphertextBlob } = await aws.kms.send(new EncryptCommand({ KeyId, Plaintext: new Uint8Array([1, 2]) }));
    const dev = await userWithPolicy(aws.iam, 'dev', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });
    const decrypt = () => outcome(dev.kms.send(new DecryptCommand({ CiphertextBlob })));
    const keyPolicy = (principal: string) =>
      aws.kms.send(
        new PutKeyPolicyCommand({
          KeyId,
          Policy: doc(
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
              Action: 'kms:PutKeyPolicy',
              Resource: '*',
            },
            { Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:Decrypt', Resource: '*' },
          ),
        }),
      );
    const warm = [await decrypt(), await decrypt()];

    await keyPolicy(`arn:aws:iam::${ACCOUNT}:user/someone-else`);
    const replaced = await decrypt();
    await keyPolicy(`arn:aws:iam::${ACCOUNT}:user/dev`);
    const givenBack = await decrypt();

    expect(warm).toEqual(['allowed', 'allowed']);
    expect(replaced).toBe('AccessDeniedException');
    expect(givenBack).toBe('allowed');
  });
});
