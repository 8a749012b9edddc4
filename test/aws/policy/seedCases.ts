import { kmsKeys, type Policy, parsePolicy, type RequestContext } from '../../../src/aws/policy';
import { ACCOUNT, keyArn, paramArn, secretArn } from './helpers';
import { SM_READ, SSM_DEV_PATH, SSM_READ } from './seedPolicies';

/**
 * Request cases over the seed's policies for the table-driven test (seedPolicies.test.ts): the
 * expected decision and, for Allow / ExplicitDeny, the deciding statement [policy, index, Sid?].
 */
export type Expected =
  | 'ImplicitDeny'
  | [decision: 'Allow' | 'ExplicitDeny', policyName: string, index: number, sid?: string];
export type Case = [
  label: string,
  policies: Policy[],
  action: string,
  resource: string,
  context: RequestContext,
  expected: Expected,
];

export const dev = parsePolicy({ name: 'ssm-dev-path', document: SSM_DEV_PATH });
export const ssmRead = parsePolicy({ name: 'ssm-read', document: SSM_READ });
export const smRead = parsePolicy({ name: 'secrets-read', document: SM_READ });
/** Not in the seed: a guard a team adds so no PetTracker role reads production secrets. */
export const guard = parsePolicy({
  name: 'no-prod-secrets',
  document: {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'DenyProdSecrets', Effect: 'Deny', Action: 'secretsmanager:*', Resource: secretArn('pettracker/prod/*') },
    ],
  },
});

export const KEY = keyArn('1234abcd-12ab-34cd-56ef-1234567890ab');
export const viaSsm = kmsKeys({
  callerAccount: ACCOUNT,
  viaService: { service: 'ssm', region: 'us-east-1' },
  encryptionContext: { PARAMETER_ARN: paramArn('pettracker/prod/db-password') },
});
export const viaSm = kmsKeys({
  callerAccount: ACCOUNT,
  viaService: { service: 'secretsmanager', region: 'us-east-1' },
});
export const direct = kmsKeys({ callerAccount: ACCOUNT });
export const otherRegion = (arn: string) => arn.replace('us-east-1', 'us-west-2');
