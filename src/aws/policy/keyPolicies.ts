import type { ResourcePolicyInput } from './authorize';

/**
 * The key policies KMS gives keys, as AWS documents them.
 *
 * A customer managed key created without a Policy gets the default key policy, whose one statement
 * lets the account root do everything: it delegates every decision to IAM, so the caller's
 * identity-based policies decide.
 *
 * An AWS managed key (`aws/ssm`, `aws/secretsmanager`) has a policy that lets every principal in the
 * account use it for cryptography *through that service* (`kms:ViaService`, `kms:CallerAccount`),
 * and lets the account read its metadata. So reading a SecureString or a secret under the managed key
 * needs no kms:Decrypt in IAM, while calling KMS directly with that key is always refused.
 *
 * Each is built once per account (and region, service) and deeply frozen: every request on a key
 * evaluates its policy, and a frozen document is parsed and compiled only once (parsePolicy.ts).
 */
export function customerKeyPolicy(accountId: string): ResourcePolicyInput {
  return once(`customer\u0000${accountId}`, () => ({
    name: 'default key policy',
    keyPolicy: true,
    document: {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
  }));
}

/** `service` is `ssm` or `secretsmanager`: the service whose alias (`alias/aws/<service>`) the key has. */
export function awsManagedKeyPolicy(accountId: string, region: string, service: string): ResourcePolicyInput {
  return once(`aws\u0000${accountId}\u0000${region}\u0000${service}`, () => ({
    name: `key policy of alias/aws/${service}`,
    keyPolicy: true,
    document: {
      Version: '2012-10-17',
      Id: `auto-${service}-1`,
      Statement: [
        {
          Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: [
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:CreateGrant',
            'kms:DescribeKey',
          ],
          Resource: '*',
          Condition: {
            StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${service}.${region}.amazonaws.com` },
          },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
    },
  }));
}

/** Bounded (a few per account and region in use): cleared when full. */
const built = new Map<string, ResourcePolicyInput>();
const MAX_BUILT = 256;

function once(key: string, build: () => ResourcePolicyInput): ResourcePolicyInput {
  let policy = built.get(key);
  if (!policy) {
    if (built.size >= MAX_BUILT) built.clear();
    policy = deepFreeze(build());
    built.set(key, policy);
  }
  return policy;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
