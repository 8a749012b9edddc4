import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { clients, useEmulator } from '../../support/aws';

/**
 * Requests signed with keys the emulator issued are verified and run as their IAM user; anything
 * else is the account's administrator. Everything through the real SDK clients (msw/node in front).
 */
const aws = useEmulator();

async function userWithPolicy(name: string, statement: object) {
  await aws.iam.send(new CreateUserCommand({ UserName: name }));
  await aws.iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'read',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    }),
  );
  const { AccessKey } = await aws.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
}

describe('keys the emulator issued', () => {
  it('run as their IAM user: identity policies decide, and AccessDenied names action and resource', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'pettracker/prod/db', SecretString: 'db' }));
    await aws.sm.send(new CreateSecretCommand({ Name: 'billing/key', SecretString: 'b' }));
    const keys = await userWithPolicy('alice', {
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/*',
    });
    const alice = clients(keys);

    const who = await alice.sts.send(new GetCallerIdentityCommand({}));
    const allowed = await alice.sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/db' }));
    const denied = await alice.sm.send(new GetSecretValueCommand({ SecretId: 'billing/key' })).catch((e) => e);

    expect(who).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' });
    expect(who.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(allowed.SecretString).toBe('db');
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toMatch(
      /^User: arn:aws:iam::123456789012:user\/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:billing\/key-\w{6} because no identity-based policy allows the secretsmanager:GetSecretValue action$/,
    );
  });

  it('a wrong secret key is InvalidSignatureException; an inactive key UnrecognizedClientException', async () => {
    const keys = await userWithPolicy('bob', { Effect: 'Allow', Action: '*', Resource: '*' });
    const forged = clients({ ...keys, secretAccessKey: `${keys.secretAccessKey.slice(0, -1)}x` });

    const badSignature = await forged.sm.send(new GetSecretValueCommand({ SecretId: 'x' })).catch((e) => e);
    const badSignatureQuery = await forged.sts.send(new GetCallerIdentityCommand({})).catch((e) => e);
    await aws.iam.send(
      new UpdateAccessKeyCommand({ UserName: 'bob', AccessKeyId: keys.accessKeyId, Status: 'Inactive' }),
    );
    const inactive = await clients(keys)
      .sm.send(new GetSecretValueCommand({ SecretId: 'x' }))
      .catch((e) => e);
    const inactiveQuery = await clients(keys)
      .sts.send(new GetCallerIdentityCommand({}))
      .catch((e) => e);

    expect(badSignature.name).toBe('InvalidSignatureException');
    expect(badSignature.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
    expect(badSignatureQuery.name).toBe('SignatureDoesNotMatch');
    expect(badSignatureQuery.$metadata.httpStatusCode).toBe(403);
    expect(inactive.name).toBe('UnrecognizedClientException');
    expect(inactive.message).toBe('The security token included in the request is invalid.');
    expect(inactiveQuery.name).toBe('InvalidClientTokenId');
  });

  it('keys the emulator did not issue are the account administrator', async () => {
    const who = await clients({ accessKeyId: 'test', secretAccessKey: 'test' }).sts.send(
      new GetCallerIdentityCommand({}),
    );

    expect(who).toEqual(
      expect.objectContaining({
        UserId: '123456789012',
        Account: '123456789012',
        Arn: 'arn:aws:iam::123456789012:root',
      }),
    );
  });
});
