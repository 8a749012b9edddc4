import { AwsError } from '../../core/errors';
import type { OperationContext } from '../../core/service';
import { rootArn } from '../../iam/arns';
import {
  authorizeRequest,
  globalKeys,
  kmsKeys,
  MalformedPolicyDocumentError,
  type Principal,
  parsePolicy,
  principalContext,
  toPrincipal,
} from '../../policy';
import { authorizeKey, keyPolicyOf } from '../authorize';
import { customerKey, resolveKey } from '../keyIds';
import { optionalBoolean, optionalString, requiredKeyId, requiredString } from '../validate';

type Input = Record<string, unknown>;

/** A key has one key policy, named `default` (KMS's only policy name). */
function policyName(input: Input): string {
  const name = optionalString(input, 'PolicyName', { min: 1, max: 128, pattern: /^[\w]+$/ }) ?? 'default';
  if (name !== 'default') throw new AwsError('NotFoundException', `No such policy exists: ${name}`);
  return name;
}

/**
 * A key policy is a resource policy: JSON, at most 32 KB, every statement naming a Principal, parsed
 * by the evaluator's own parser, so a policy KMS accepts is one the emulator enforces.
 */
export function checkKeyPolicy(document: string): string {
  try {
    parsePolicy({ name: 'key policy', document }, 'resource');
  } catch (e) {
    if (e instanceof MalformedPolicyDocumentError)
      throw new AwsError('MalformedPolicyDocumentException', e.message.replace(/^Policy "[^"]*": /, ''));
    throw e;
  }
  return document;
}

/** The account's administrator (keys the emulator did not issue) as a principal: the root, whose IAM allows all. */
const administrator = (accountId: string): Principal =>
  toPrincipal({
    arn: rootArn(accountId),
    policies: [
      {
        name: 'root',
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
    ],
  });

/**
 * The key policy lockout safety check (CreateKey, PutKeyPolicy): unless BypassPolicyLockoutSafetyCheck
 * is true, a new key policy must still let the caller, with its own IAM policies, call PutKeyPolicy
 * on the key; otherwise the key could never be managed again. The account's administrator is the
 * root here, so a policy that neither names the root nor delegates to the account is refused too.
 */
export function lockoutCheck(ctx: OperationContext, keyArn: string, document: string, bypass: boolean): void {
  if (bypass) return;
  const principal = ctx.caller.principal ?? administrator(ctx.accountId);
  const { denialMessage } = authorizeRequest({
    principal,
    resourceAccount: ctx.accountId,
    request: {
      action: 'kms:PutKeyPolicy',
      resource: keyArn,
      context: {
        ...globalKeys(ctx.clock.now(), ctx.region),
        ...principalContext(principal),
        ...kmsKeys({ callerAccount: ctx.accountId }),
      },
    },
    resourcePolicy: { name: 'new key policy', keyPolicy: true, document },
  });
  if (denialMessage !== undefined)
    throw new AwsError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
}

/** The key policy's text: the one PutKeyPolicy or CreateKey stored, else the policy KMS gave the key. */
function policyText(ctx: OperationContext, key: Parameters<typeof keyPolicyOf>[1]): string {
  const { document } = keyPolicyOf(ctx, key);
  return typeof document === 'string' ? document : JSON.stringify(document, null, 2);
}

export function getKeyPolicy(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  const name = policyName(input);
  authorizeKey(ctx, 'GetKeyPolicy', key);
  return { Policy: policyText(ctx, key), PolicyName: name };
}

/**
 * Replaces a customer managed key's policy, enforced from the next request on (AWS managed keys
 * refuse it), after the lockout safety check unless BypassPolicyLockoutSafetyCheck is true.
 */
export function putKeyPolicy(ctx: OperationContext, input: Input) {
  const policy = requiredString(input, 'Policy', { min: 1, max: 32_768 });
  policyName(input);
  const bypass = optionalBoolean(input, 'BypassPolicyLockoutSafetyCheck') ?? false;
  const key = customerKey(ctx, input, 'PutKeyPolicy');
  checkKeyPolicy(policy);
  lockoutCheck(ctx, key.Arn, policy, bypass);
  key.Policy = policy;
  return {};
}

export function listKeyPolicies(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  authorizeKey(ctx, 'ListKeyPolicies', key);
  return { PolicyNames: ['default'], Truncated: false };
}
