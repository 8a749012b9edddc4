import { describe, expect, it } from 'vitest';
import {
  authorizeRequest,
  awsManagedKeyPolicy,
  customerKeyPolicy,
  kmsKeys,
  type PolicyInput,
  type ResourcePolicyInput,
  toPrincipal,
} from '../../../src/aws/policy';
import { ACCOUNT, keyArn, secretArn } from './helpers';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/pettracker-dev-lambda`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-dev-lambda/pettracker-dev-lambda`;
const KEY = keyArn('1234abcd-12ab-34cd-56ef-1234567890ab');

const policy = (name: string, ...Statement: object[]): PolicyInput => ({
  name,
  document: { Version: '2012-10-17', Statement },
});
const run = (
  policies: PolicyInput[],
  action: string,
  resource: string,
  context = {},
  resourcePolicy?: ResourcePolicyInput,
  arn = ROLE,
) =>
  authorizeRequest({
    principal: toPrincipal({ arn, policies }),
    resourceAccount: ACCOUNT,
    request: { action, resource, context },
    ...(resourcePolicy ? { resourcePolicy } : {}),
  });

describe('principals', () => {
  it('names a role session in messages and the role in aws:PrincipalArn', () => {
    const p = toPrincipal({ arn: ROLE, policies: [], sessionName: 'my-fn' });
    expect(p.callerArn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-dev-lambda/my-fn`);
    expect(p.principalArn).toBe(ROLE);
    expect(toPrincipal({ arn: SESSION, policies: [] }).principalArn).toBe(ROLE);
    expect(() => toPrincipal({ arn: 'pettracker-dev-lambda', policies: [] })).toThrow(/Not a principal ARN/);
  });
});

describe('AWS denial messages', () => {
  const read = policy('read', {
    Effect: 'Allow',
    Action: 'secretsmanager:GetSecretValue',
    Resource: secretArn('pettracker/*'),
  });
  it('implicit deny: "because no identity-based policy allows"', () => {
    const out = run([read], 'secretsmanager:GetSecretValue', secretArn('other-AbCdEf'));
    expect(out.record.decision).toBe('ImplicitDeny');
    expect(out.denialMessage).toBe(
      `User: ${SESSION} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretArn('other-AbCdEf')} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });
  it('explicit deny: "with an explicit deny in an identity-based policy"', () => {
    const deny = policy('deny', {
      Sid: 'NoProd',
      Effect: 'Deny',
      Action: 'secretsmanager:*',
      Resource: secretArn('pettracker/prod/*'),
    });
    const out = run([read, deny], 'secretsmanager:GetSecretValue', secretArn('pettracker/prod/db-AbCdEf'));
    expect(out.record).toMatchObject({
      decision: 'ExplicitDeny',
      statement: { policyName: 'deny', sid: 'NoProd', policyType: 'identity' },
    });
    expect(out.denialMessage).toMatch(/with an explicit deny in an identity-based policy$/);
  });
});

describe('secret resource policies (same account)', () => {
  const secret = secretArn('pettracker/prod/db-AbCdEf');
  const resourcePolicy = (Effect: string, AWS: string): ResourcePolicyInput => ({
    name: 'resource policy of secret pettracker/prod/db',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect, Principal: { AWS }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    },
  });

  it('an Allow naming the role is enough without any identity policy', () => {
    const out = run([], 'secretsmanager:GetSecretValue', secret, {}, resourcePolicy('Allow', ROLE));
    expect(out.record).toMatchObject({ decision: 'Allow', statement: { policyType: 'resource', index: 0 } });
  });
  it('an Allow naming the account only delegates to identity policies', () => {
    expect(run([], 'secretsmanager:GetSecretValue', secret, {}, resourcePolicy('Allow', ACCOUNT)).record.decision).toBe(
      'ImplicitDeny',
    );
  });
  it('a Deny in the resource policy wins over an identity Allow', () => {
    const allowAll = policy('all', { Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' });
    const out = run([allowAll], 'secretsmanager:GetSecretValue', secret, {}, resourcePolicy('Deny', '*'));
    expect(out.record).toMatchObject({ decision: 'ExplicitDeny', statement: { policyType: 'resource' } });
    expect(out.denialMessage).toMatch(/with an explicit deny in a resource-based policy$/);
  });
  it('across accounts both sides must allow', () => {
    const other = 'arn:aws:iam::999999999999:role/auditor';
    const allowAll = policy('all', { Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' });
    expect(run([allowAll], 'secretsmanager:GetSecretValue', secret, {}, undefined, other).denialMessage).toMatch(
      /because no resource-based policy allows/,
    );
    expect(
      run([allowAll], 'secretsmanager:GetSecretValue', secret, {}, resourcePolicy('Allow', '999999999999'), other)
        .record.decision,
    ).toBe('Allow');
    expect(
      run([], 'secretsmanager:GetSecretValue', secret, {}, resourcePolicy('Allow', other), other).record.decision,
    ).toBe('ImplicitDeny');
  });
});

describe('KMS key policies', () => {
  const viaSsm = kmsKeys({ callerAccount: ACCOUNT, viaService: { service: 'ssm', region: 'us-east-1' } });
  const direct = kmsKeys({ callerAccount: ACCOUNT });
  const decrypt = policy('decrypt', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' });

  it('a customer managed key delegates to IAM: the identity policy decides', () => {
    expect(run([decrypt], 'kms:Decrypt', KEY, direct, customerKeyPolicy(ACCOUNT)).record).toMatchObject({
      decision: 'Allow',
      statement: { policyName: 'decrypt', policyType: 'identity' },
    });
    expect(run([], 'kms:Decrypt', KEY, direct, customerKeyPolicy(ACCOUNT)).denialMessage).toMatch(
      /because no identity-based policy allows the kms:Decrypt action$/,
    );
  });

  it('the aws/ssm key lets anyone in the account decrypt through SSM, and nobody directly', () => {
    const keyPolicy = awsManagedKeyPolicy(ACCOUNT, 'us-east-1', 'ssm');
    expect(run([], 'kms:Decrypt', KEY, viaSsm, keyPolicy).record).toMatchObject({
      decision: 'Allow',
      statement: { policyType: 'resource', index: 0 },
    });
    const out = run([decrypt], 'kms:Decrypt', KEY, direct, keyPolicy);
    expect(out.record.decision).toBe('ImplicitDeny');
    expect(out.denialMessage).toMatch(/because no resource-based policy allows the kms:Decrypt action$/);
  });

  it('an identity Deny still wins under the AWS managed key', () => {
    const deny = policy('deny', { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' });
    expect(
      run([deny], 'kms:Decrypt', KEY, viaSsm, awsManagedKeyPolicy(ACCOUNT, 'us-east-1', 'ssm')).record.decision,
    ).toBe('ExplicitDeny');
  });
});
