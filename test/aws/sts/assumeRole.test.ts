import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { type Credentials, clients, useEmulator } from '../../support/aws';

const aws = useEmulator();
const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/pettracker-reader`;

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/** A user allowed to assume the role, the role (trusting the account) with read access to pettracker secrets. */
async function world(): Promise<Credentials> {
  await aws.iam.send(new CreateUserCommand({ UserName: 'dev' }));
  await aws.iam.send(
    new PutUserPolicyCommand({
      UserName: 'dev',
      PolicyName: 'assume',
      PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }),
    }),
  );
  await aws.iam.send(
    new CreateRoleCommand({
      RoleName: 'pettracker-reader',
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
  const { Policy } = await aws.iam.send(
    new CreatePolicyCommand({
      PolicyName: 'read-pettracker',
      PolicyDocument: doc({
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pettracker/*`,
      }),
    }),
  );
  await aws.iam.send(new AttachRolePolicyCommand({ RoleName: 'pettracker-reader', PolicyArn: Policy?.Arn }));
  await aws.sm.send(new CreateSecretCommand({ Name: 'pettracker/prod/db', SecretString: 'db' }));
  const { AccessKey } = await aws.iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }));
  return { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
}

describe('STS AssumeRole', () => {
  it('issues temporary credentials that act with the role’s policies until they expire', async () => {
    const dev = clients(await world());
    const assumed = await dev.sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'alex', DurationSeconds: 900 }),
    );
    const creds = assumed.Credentials;
    const session = clients({
      accessKeyId: creds?.AccessKeyId ?? '',
      secretAccessKey: creds?.SecretAccessKey ?? '',
      sessionToken: creds?.SessionToken ?? '',
    });

    const who = await session.sts.send(new GetCallerIdentityCommand({}));
    const read = await session.sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/db' }));
    await aws.emulator.advance('15 minutes');
    const expired = await session.sm
      .send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/db' }))
      .catch((e) => e);

    expect(creds?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds?.Expiration?.toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-reader/alex`);
    expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-reader/alex`);
    expect(who.UserId).toMatch(/^AROA[A-Z2-7]{17}:alex$/);
    expect(read.SecretString).toBe('db');
    expect(expired.name).toBe('ExpiredTokenException');
  });

  it('a session key without its token, or with another, is refused', async () => {
    const dev = clients(await world());
    const { Credentials: c } = await dev.sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 's1' }));
    const keys = { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '' };

    const noToken = await clients(keys)
      .sts.send(new GetCallerIdentityCommand({}))
      .catch((e) => e);
    const wrongToken = await clients({ ...keys, sessionToken: 'nope' })
      .sm.send(new GetSecretValueCommand({ SecretId: 'x' }))
      .catch((e) => e);

    expect(noToken.name).toBe('InvalidClientTokenId');
    expect(wrongToken.name).toBe('UnrecognizedClientException');
  });

  it('needs both the caller’s permission and the trust policy; the root cannot assume roles', async () => {
    const devKeys = await world();
    await aws.iam.send(new CreateUserCommand({ UserName: 'stranger' }));
    const { AccessKey } = await aws.iam.send(new CreateAccessKeyCommand({ UserName: 'stranger' }));
    const stranger = clients({
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    });

    const noPermission = await stranger.sts
      .send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'probe' }))
      .catch((e) => e);
    const noRole = await clients(devKeys)
      .sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/missing`, RoleSessionName: 'probe' }))
      .catch((e) => e);
    const root = await aws.sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'probe' })).catch((e) => e);

    expect(noPermission.name).toBe('AccessDenied');
    expect(noPermission.message).toMatch(
      /^User: arn:aws:iam::123456789012:user\/stranger is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role\/pettracker-reader/,
    );
    expect(noRole.name).toBe('AccessDenied');
    expect(root.name).toBe('AccessDenied');
    expect(root.message).toBe('Roles may not be assumed by root accounts.');
  });

  it('a trust policy that asks for an ExternalId admits only the caller that sends it', async () => {
    const devKeys = await world();
    await aws.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'pettracker-reader',
        PolicyDocument: doc({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'pettracker-7f3a' } },
        }),
      }),
    );
    const dev = clients(devKeys);

    const without = await dev.sts
      .send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'no-id' }))
      .catch((e) => e);
    const wrong = await dev.sts
      .send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'wrong-id', ExternalId: 'guess' }))
      .catch((e) => e);
    const right = await dev.sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'partner', ExternalId: 'pettracker-7f3a' }),
    );

    expect(without.name).toBe('AccessDenied');
    expect(wrong.name).toBe('AccessDenied');
    expect(right.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-reader/partner`);
  });

  it('session policies narrow the session to what both they and the role allow', async () => {
    const dev = clients(await world());
    await aws.sm.send(new CreateSecretCommand({ Name: 'pettracker/prod/admin', SecretString: 'root' }));
    const session = async (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]>, name: string) => {
      const { Credentials: c } = await dev.sts.send(
        new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: name, ...input }),
      );
      return clients({
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken ?? '',
      }).sm;
    };
    const read = (sm: ReturnType<typeof clients>['sm'], SecretId: string) =>
      sm.send(new GetSecretValueCommand({ SecretId })).then(
        (r) => r.SecretString,
        (e: Error) => `${e.name}: ${e.message}`,
      );
    const onlyDb = await session(
      {
        Policy: doc({
          Effect: 'Allow',
          Action: 'secretsmanager:*',
          Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pettracker/prod/db-*`,
        }),
      },
      'only-db',
    );
    const admin = await session({ PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }, 'admin');
    const denyAll = await session({ Policy: doc({ Effect: 'Deny', Action: '*', Resource: '*' }) }, 'deny');
    const malformed = await dev.sts
      .send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'bad', Policy: '{"Statement":' }))
      .catch((e: Error) => e.name);

    expect(await read(onlyDb, 'pettracker/prod/db')).toBe('db');
    expect(await read(onlyDb, 'pettracker/prod/admin')).toMatch(
      /^AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role\/pettracker-reader\/only-db is not authorized to perform: secretsmanager:GetSecretValue on resource: .*pettracker\/prod\/admin.* because no session policy allows the secretsmanager:GetSecretValue action$/,
    );
    // AdministratorAccess as the session policy widens nothing: the role's own policy still bounds it.
    expect(await read(admin, 'pettracker/prod/admin')).toBe('root');
    await aws.sm.send(new CreateSecretCommand({ Name: 'billing/card', SecretString: 'card' }));
    expect(await read(admin, 'billing/card')).toMatch(/because no identity-based policy allows/);
    expect(await read(denyAll, 'pettracker/prod/db')).toMatch(/with an explicit deny in a session policy$/);
    expect(malformed).toBe('MalformedPolicyDocumentException');
  });
});
