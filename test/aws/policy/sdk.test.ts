import { CreateAliasCommand, CreateKeyCommand, DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, PutResourcePolicyCommand } from '@aws-sdk/client-secrets-manager';
import {
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { MalformedPolicyDocumentError } from '../../../src/aws/policy';
import { useEmulator } from '../../support/aws';
import { SM_READ, SSM_DEV_PATH, SSM_READ } from './seedPolicies';

const aws = useEmulator();

const ROLE = 'arn:aws:iam::123456789012:role/pettracker-dev-lambda';
const CALLER = 'arn:aws:sts::123456789012:assumed-role/pettracker-dev-lambda/pettracker-dev-lambda';
const PARAM = (name: string) => `arn:aws:ssm:us-east-1:123456789012:parameter/${name.replace(/^\//, '')}`;
/** The seed's Parameter Store policy without its kms:Decrypt statement. */
const SSM_READ_NO_KMS = JSON.stringify({ ...JSON.parse(SSM_READ), Statement: [JSON.parse(SSM_READ).Statement[0]] });

const runAs = (...policies: [name: string, document: string][]) =>
  aws.emulator.setPrincipal({ arn: ROLE, policies: policies.map(([name, document]) => ({ name, document })) });

/** The error a call fails with (the test fails if it succeeds). */
async function failure(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(outcome, 'expected the call to fail').toBeInstanceOf(Error);
  return outcome as Error;
}

const lastLogEntry = () => aws.emulator.log.entries().at(-1);

async function putParameters(type: 'String' | 'SecureString' = 'String', KeyId?: string) {
  for (const Name of ['/pettracker/dev/db-password', '/pettracker/dev/api-url', '/pettracker/prod/db-password']) {
    await aws.ssm.send(
      new PutParameterCommand({ Name, Value: `value of ${Name}`, Type: type, ...(KeyId ? { KeyId } : {}) }),
    );
  }
}

/** A customer managed key with alias/pettracker, made as the account's administrator. */
async function customerKey(): Promise<string> {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({ Description: 'PetTracker' }));
  await aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/pettracker', TargetKeyId: KeyMetadata?.KeyId }));
  return KeyMetadata?.Arn as string;
}

describe('Parameter Store as a principal with the seed policies', () => {
  test('GetParameter: /pettracker/dev/* is allowed, /pettracker/prod/* denied with AWS message', async () => {
    await putParameters();
    runAs(['ssm-dev-path', SSM_DEV_PATH]);
    const ok = await aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/api-url' }));
    expect(ok.Parameter?.Value).toBe('value of /pettracker/dev/api-url');
    expect(lastLogEntry()?.authorization).toEqual([
      {
        action: 'ssm:GetParameter',
        resource: PARAM('/pettracker/dev/api-url'),
        decision: 'Allow',
        statement: { policyName: 'ssm-dev-path', index: 0, policyType: 'identity' },
        reason: expect.stringContaining('statement 0 of policy "ssm-dev-path"'),
      },
    ]);

    const err = await failure(aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/prod/db-password' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toBe(
      `User: ${CALLER} is not authorized to perform: ssm:GetParameter on resource: ${PARAM('/pettracker/prod/db-password')} because no identity-based policy allows the ssm:GetParameter action`,
    );
    expect(lastLogEntry()).toMatchObject({
      outcome: 'AccessDeniedException',
      authorization: [{ decision: 'ImplicitDeny' }],
    });
  });

  test('a name the caller may not read is AccessDenied even when it does not exist', async () => {
    runAs(['ssm-dev-path', SSM_DEV_PATH]);
    expect((await failure(aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/prod/nope' })))).name).toBe(
      'AccessDeniedException',
    );
    expect((await failure(aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/nope' })))).name).toBe(
      'ParameterNotFound',
    );
  });

  test('GetParameters authorizes every name: one prod name fails the whole call', async () => {
    await putParameters();
    runAs(['ssm-dev-path', SSM_DEV_PATH]);
    const ok = await aws.ssm.send(
      new GetParametersCommand({ Names: ['/pettracker/dev/api-url', '/pettracker/dev/db-password'] }),
    );
    expect(ok.Parameters?.map((p) => p.Name)).toEqual(['/pettracker/dev/api-url', '/pettracker/dev/db-password']);
    const err = await failure(
      aws.ssm.send(new GetParametersCommand({ Names: ['/pettracker/dev/api-url', '/pettracker/prod/db-password'] })),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain(
      'ssm:GetParameters on resource: arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/prod/db-password',
    );
  });

  test('GetParametersByPath is authorized on the path: /pettracker/dev/ matches dev/*, /pettracker/dev does not', async () => {
    await putParameters();
    runAs(['ssm-dev-path', SSM_DEV_PATH]);
    const ok = await aws.ssm.send(new GetParametersByPathCommand({ Path: '/pettracker/dev/', Recursive: true }));
    expect(ok.Parameters?.map((p) => p.Name)).toEqual(['/pettracker/dev/api-url', '/pettracker/dev/db-password']);
    expect(lastLogEntry()?.authorization?.[0]?.resource).toBe(PARAM('/pettracker/dev/'));
    const err = await failure(aws.ssm.send(new GetParametersByPathCommand({ Path: '/pettracker/dev' })));
    expect(err.message).toContain(`ssm:GetParametersByPath on resource: ${PARAM('/pettracker/dev')} because`);
  });

  test('GetParametersByPath on /pettracker/dev is allowed by the seed Parameter Store policy (parameter/pettracker/*)', async () => {
    await putParameters();
    runAs(['ssm-read', SSM_READ]);
    const ok = await aws.ssm.send(new GetParametersByPathCommand({ Path: '/pettracker/dev' }));
    expect(ok.Parameters?.map((p) => p.Name)).toEqual(['/pettracker/dev/api-url', '/pettracker/dev/db-password']);
  });

  test('ssm:Recursive lets a Deny forbid recursive reads of a path', async () => {
    await putParameters();
    const noRecursion = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'NoRecursion',
          Effect: 'Deny',
          Action: 'ssm:GetParametersByPath',
          Resource: '*',
          Condition: { StringEquals: { 'ssm:Recursive': 'true' } },
        },
      ],
    });
    runAs(['ssm-read', SSM_READ], ['no-recursion', noRecursion]);
    await aws.ssm.send(new GetParametersByPathCommand({ Path: '/pettracker/dev' }));
    const err = await failure(aws.ssm.send(new GetParametersByPathCommand({ Path: '/pettracker', Recursive: true })));
    expect(err.message).toMatch(/with an explicit deny in an identity-based policy$/);
    expect(lastLogEntry()?.authorization?.[0]?.statement).toEqual({
      policyName: 'no-recursion',
      sid: 'NoRecursion',
      index: 0,
      policyType: 'identity',
    });
  });
});

describe('SecureString and KMS', () => {
  test('WithDecryption under a customer managed key needs kms:Decrypt through SSM', async () => {
    const keyArn = await customerKey();
    await putParameters('SecureString', 'alias/pettracker');

    runAs(['ssm-read', SSM_READ]);
    const ok = await aws.ssm.send(
      new GetParameterCommand({ Name: '/pettracker/dev/db-password', WithDecryption: true }),
    );
    expect(ok.Parameter?.Value).toBe('value of /pettracker/dev/db-password');
    expect(lastLogEntry()?.authorization?.map((a) => [a.action, a.resource, a.statement?.index])).toEqual([
      ['ssm:GetParameter', PARAM('/pettracker/dev/db-password'), 0],
      ['kms:Decrypt', keyArn, 1],
    ]);

    runAs(['ssm-read', SSM_READ_NO_KMS]);
    // Without WithDecryption SSM never calls KMS: the ciphertext comes back.
    const hidden = await aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/db-password' }));
    expect(hidden.Parameter?.Value).not.toContain('value of');
    const err = await failure(
      aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/db-password', WithDecryption: true })),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toMatch(
      new RegExp(
        `^User: ${CALLER} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action \\(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]{36}; Proxy: null\\)$`,
      ),
    );
  });

  test('under the AWS managed key aws/ssm no kms:Decrypt is needed (its key policy allows use through SSM)', async () => {
    await putParameters('SecureString');
    runAs(['ssm-read', SSM_READ_NO_KMS]);
    const ok = await aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/api-url', WithDecryption: true }));
    expect(ok.Parameter?.Value).toBe('value of /pettracker/dev/api-url');
    expect(lastLogEntry()?.authorization?.[1]).toMatchObject({
      action: 'kms:Decrypt',
      decision: 'Allow',
      statement: { policyType: 'resource', policyName: 'key policy of alias/aws/ssm' },
    });
  });

  test('a direct KMS Decrypt is denied by the kms:ViaService condition', async () => {
    const keyArn = await customerKey();
    const encrypted = await aws.kms.send(
      new EncryptCommand({ KeyId: 'alias/pettracker', Plaintext: new TextEncoder().encode('pw') }),
    );
    runAs(['ssm-read', SSM_READ]);
    const err = await failure(aws.kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toBe(
      `User: ${CALLER} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action`,
    );
    expect(lastLogEntry()?.authorization?.[0]?.reason).toContain(
      'its condition StringEquals kms:ViaService is not met',
    );
  });
});

describe('Secrets Manager as a principal', () => {
  test('GetSecretValue: secret:pettracker/* allows pettracker secrets (whatever their suffix) and nothing else', async () => {
    const created = await aws.sm.send(
      new CreateSecretCommand({ Name: 'pettracker/prod/db-credentials', SecretString: '{"password":"p"}' }),
    );
    const other = await aws.sm.send(new CreateSecretCommand({ Name: 'billing/stripe', SecretString: 'sk' }));
    runAs(['secrets-read', SM_READ]);
    const ok = await aws.sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/db-credentials' }));
    expect(ok.SecretString).toBe('{"password":"p"}');
    expect(lastLogEntry()?.authorization?.[0]).toMatchObject({
      resource: created.ARN,
      decision: 'Allow',
      statement: { policyName: 'secrets-read', index: 0 },
    });
    const err = await failure(aws.sm.send(new GetSecretValueCommand({ SecretId: 'billing/stripe' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toBe(
      `User: ${CALLER} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${other.ARN} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  test('a repeated call shares its frozen Allow records; another secret gets its own, with its own words', async () => {
    const a = await aws.sm.send(new CreateSecretCommand({ Name: 'pettracker/dev/a', SecretString: 'a' }));
    const b = await aws.sm.send(new CreateSecretCommand({ Name: 'pettracker/dev/b', SecretString: 'b' }));
    runAs(['secrets-read', SM_READ]);
    const read = async (SecretId: string) => {
      await aws.sm.send(new GetSecretValueCommand({ SecretId }));
      return lastLogEntry()?.authorization ?? [];
    };
    const [first, again, other, third] = [await read('pettracker/dev/a'), await read('pettracker/dev/a')].concat([
      await read('pettracker/dev/b'),
      await read('pettracker/dev/a'),
    ]);
    // The identity decision and the kms:Decrypt through the aws/secretsmanager key policy.
    expect(first?.map((r) => [r.action, r.resource === a.ARN, r.statement?.policyType])).toEqual([
      ['secretsmanager:GetSecretValue', true, 'identity'],
      ['kms:Decrypt', false, 'resource'],
    ]);
    expect(first?.[0]?.reason).toBe(
      `Allowed by statement 0 of policy "secrets-read": it allows secretsmanager:GetSecretValue on ${a.ARN}.`,
    );
    expect(again?.[0]).toBe(first?.[0]);
    expect(again?.[1]).toBe(first?.[1]);
    expect(Object.isFrozen(first?.[0]) && Object.isFrozen(first?.[0]?.statement)).toBe(true);
    // Another resource: its own record and words, and the first secret's are built again, unchanged.
    expect(other?.[0]).toMatchObject({ resource: b.ARN, reason: expect.stringContaining(`on ${b.ARN}.`) });
    expect(third?.[0]).toEqual(first?.[0]);
    expect(first?.[0]?.resource).toBe(a.ARN);
  });

  test('under a customer managed key GetSecretValue also needs kms:Decrypt: "Access to KMS is not allowed"', async () => {
    await customerKey();
    await aws.sm.send(
      new CreateSecretCommand({
        Name: 'pettracker/prod/api-key',
        SecretString: 'sk_live',
        KmsKeyId: 'alias/pettracker',
      }),
    );
    runAs(['secrets-read', SM_READ]);
    const err = await failure(aws.sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/api-key' })));
    expect([err.name, err.message]).toEqual(['AccessDeniedException', 'Access to KMS is not allowed']);
    const kmsViaSm = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
        },
      ],
    });
    runAs(['secrets-read', SM_READ], ['kms-via-sm', kmsViaSm]);
    expect((await aws.sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/api-key' }))).SecretString).toBe(
      'sk_live',
    );
  });

  test('a resource policy: its Allow suffices in the same account, its Deny wins', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'shared/config', SecretString: 'c' }));
    const grant = (Effect: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect, Principal: { AWS: ROLE }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
      });
    await aws.sm.send(new PutResourcePolicyCommand({ SecretId: 'shared/config', ResourcePolicy: grant('Allow') }));
    runAs(['secrets-read', SM_READ]);
    expect((await aws.sm.send(new GetSecretValueCommand({ SecretId: 'shared/config' }))).SecretString).toBe('c');
    expect(lastLogEntry()?.authorization?.[0]?.statement).toMatchObject({
      policyType: 'resource',
      policyName: 'resource policy of secret shared/config',
    });

    aws.emulator.clearPrincipal();
    await aws.sm.send(new CreateSecretCommand({ Name: 'pettracker/prod/locked', SecretString: 'l' }));
    await aws.sm.send(
      new PutResourcePolicyCommand({ SecretId: 'pettracker/prod/locked', ResourcePolicy: grant('Deny') }),
    );
    runAs(['secrets-read', SM_READ]);
    const err = await failure(aws.sm.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/locked' })));
    expect(err.message).toMatch(/with an explicit deny in a resource-based policy$/);
  });
});

describe('the principal itself', () => {
  test('without a principal every call is allowed and nothing is recorded', async () => {
    await putParameters();
    runAs(['ssm-dev-path', SSM_DEV_PATH]);
    aws.emulator.clearPrincipal();
    await aws.ssm.send(new GetParameterCommand({ Name: '/pettracker/prod/db-password' }));
    expect(lastLogEntry()?.authorization).toBeUndefined();
  });

  test('a malformed policy is refused when the principal is set', () => {
    expect(() =>
      runAs([
        'bad',
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetParameter","Resource":"*"}]}',
      ]),
    ).toThrow(MalformedPolicyDocumentError);
    expect(aws.emulator.principal).toBeUndefined();
  });
});
