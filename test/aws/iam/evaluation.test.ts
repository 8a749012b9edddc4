import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutResourcePolicyCommand,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { clients, useEmulator } from '../../support/aws';

/**
 * The request's identity is evaluated with the same evaluator the lab uses: identity policies,
 * resource policies (a secret's, a key's), explicit Deny, kms:ViaService, aws:PrincipalArn, tags.
 */
const aws = useEmulator();
const ACCOUNT = '123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

async function user(name: string, ...statements: object[]) {
  await aws.iam.send(new CreateUserCommand({ UserName: name }));
  await aws.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: doc(...statements) }));
  const { AccessKey } = await aws.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return clients({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' });
}
const refused = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => `${e.name}: ${e.message}`,
  );

describe('policies evaluated for issued keys', () => {
  it('a Deny in a secret’s resource policy wins over the user’s Allow', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'locked', SecretString: 'x' }));
    await aws.sm.send(
      new PutResourcePolicyCommand({
        SecretId: 'locked',
        ResourcePolicy: doc({ Effect: 'Deny', Principal: '*', Action: 'secretsmanager:*', Resource: '*' }),
      }),
    );
    const alice = await user('alice', { Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' });

    const answer = await refused(alice.sm.send(new GetSecretValueCommand({ SecretId: 'locked' })));

    expect(answer).toMatch(
      /^AccessDeniedException: User: arn:aws:iam::123456789012:user\/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:locked-\w{6} with an explicit deny in a resource-based policy$/,
    );
  });

  it('kms:ViaService: a customer managed key decrypts a SecureString through SSM, not directly', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    await aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/pettracker', TargetKeyId: KeyMetadata?.KeyId }));
    await aws.ssm.send(
      new PutParameterCommand({
        Name: '/pettracker/prod/api-key',
        Value: 'sk',
        Type: 'SecureString',
        KeyId: 'alias/pettracker',
      }),
    );
    const { CiphertextBlob } = await aws.kms.send(
      new EncryptCommand({ KeyId: 'alias/pettracker', Plaintext: new TextEncoder().encode('direct') }),
    );
    const reader = await user(
      'reader',
      {
        Effect: 'Allow',
        Action: 'ssm:GetParameter',
        Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/pettracker/*`,
      },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
        Condition: { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' } },
      },
    );

    const viaSsm = await reader.ssm.send(
      new GetParameterCommand({ Name: '/pettracker/prod/api-key', WithDecryption: true }),
    );
    const direct = await refused(reader.kms.send(new DecryptCommand({ CiphertextBlob })));

    expect(viaSsm.Parameter?.Value).toBe('sk');
    expect(direct).toMatch(
      /^AccessDeniedException: User: arn:aws:iam::123456789012:user\/reader is not authorized to perform: kms:Decrypt/,
    );
  });

  it('tag-based access with secretsmanager:ResourceTag and aws:ResourceTag', async () => {
    await aws.sm.send(
      new CreateSecretCommand({ Name: 'team-a', SecretString: 'a', Tags: [{ Key: 'team', Value: 'a' }] }),
    );
    await aws.sm.send(
      new CreateSecretCommand({ Name: 'team-b', SecretString: 'b', Tags: [{ Key: 'team', Value: 'b' }] }),
    );
    const a = await user('member-a', {
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: { StringEquals: { 'secretsmanager:ResourceTag/team': 'a' } },
    });

    const own = await a.sm.send(new GetSecretValueCommand({ SecretId: 'team-a' }));
    const other = await refused(a.sm.send(new GetSecretValueCommand({ SecretId: 'team-b' })));
    await aws.sm.send(new TagResourceCommand({ SecretId: 'team-b', Tags: [{ Key: 'team', Value: 'a' }] }));
    const retagged = await a.sm.send(new GetSecretValueCommand({ SecretId: 'team-b' }));

    expect(own.SecretString).toBe('a');
    expect(other).toMatch(/^AccessDeniedException: .* because no identity-based policy allows/);
    expect(retagged.SecretString).toBe('b');
  });

  it('aws:PrincipalArn in a resource policy: only the named user reads, even with identity permission', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'payroll', SecretString: 'p' }));
    await aws.sm.send(
      new PutResourcePolicyCommand({
        SecretId: 'payroll',
        ResourcePolicy: doc({
          Effect: 'Deny',
          Principal: '*',
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:user/payroll-app` } },
        }),
      }),
    );
    const everything = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' };
    const app = await user('payroll-app', everything);
    const intern = await user('intern', everything);

    expect((await app.sm.send(new GetSecretValueCommand({ SecretId: 'payroll' }))).SecretString).toBe('p');
    expect(await refused(intern.sm.send(new GetSecretValueCommand({ SecretId: 'payroll' })))).toMatch(
      /with an explicit deny in a resource-based policy$/,
    );
  });

  it('the call log records the caller and the deciding statement', async () => {
    const denyAll = await user('nobody', {
      Sid: 'NoSecrets',
      Effect: 'Deny',
      Action: 'secretsmanager:*',
      Resource: '*',
    });
    await refused(denyAll.sm.send(new GetSecretValueCommand({ SecretId: 'anything' })));

    const entry = aws.emulator.log.entries().at(-1);

    expect(entry).toMatchObject({
      operation: 'GetSecretValue',
      outcome: 'AccessDeniedException',
      caller: `arn:aws:iam::${ACCOUNT}:user/nobody`,
      authorization: [
        {
          decision: 'ExplicitDeny',
          statement: { policyName: 'p', sid: 'NoSecrets', index: 0, policyType: 'identity' },
        },
      ],
    });
  });
});
