import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
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
    // A good request first: the signing key the endpoint derived for this access key is then kept.
    const good = await clients(keys)
      .sm.send(new GetSecretValueCommand({ SecretId: 'x' }))
      .catch((e) => e);

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

    expect(good.name).toBe('ResourceNotFoundException');
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

  it('an IAM write takes effect on the very next request (the caller built from IAM is kept until IAM changes)', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'db' }));
    const keys = await userWithPolicy('carol', {
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'sts:AssumeRole'],
      Resource: '*',
    });
    const carol = clients(keys);
    const denyReads = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    });
    const { Policy } = await aws.iam.send(
      new CreatePolicyCommand({ PolicyName: 'no-reads', PolicyDocument: denyReads }),
    );
    await aws.iam.send(
      new CreateRoleCommand({
        RoleName: 'reader',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    await aws.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'reader',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
        }),
      }),
    );
    const { Credentials } = await carol.sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/reader', RoleSessionName: 'job' }),
    );
    const session = clients({
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    });
    const read = (who: ReturnType<typeof clients>) =>
      who.sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })).then(
        () => 'ok',
        (e) => e.name,
      );
    const seen: string[] = [];

    seen.push(await read(carol));
    await aws.iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'deny', PolicyDocument: denyReads }));
    seen.push(await read(carol));
    await aws.iam.send(new DeleteUserPolicyCommand({ UserName: 'carol', PolicyName: 'deny' }));
    seen.push(await read(carol));
    await aws.iam.send(new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: Policy?.Arn }));
    seen.push(await read(carol));
    await aws.iam.send(new DetachUserPolicyCommand({ UserName: 'carol', PolicyArn: Policy?.Arn }));
    seen.push(await read(carol));
    seen.push(await read(session));
    await aws.iam.send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'deny', PolicyDocument: denyReads }));
    seen.push(await read(session));
    await aws.iam.send(new DeleteAccessKeyCommand({ UserName: 'carol', AccessKeyId: keys.accessKeyId }));
    seen.push(await read(carol));

    expect(seen).toEqual([
      'ok',
      'AccessDeniedException',
      'ok',
      'AccessDeniedException',
      'ok',
      'ok',
      'AccessDeniedException',
      'UnrecognizedClientException',
    ]);
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
