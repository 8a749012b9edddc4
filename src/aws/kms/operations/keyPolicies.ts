import { AwsError } from '../../core/errors';
import type { OperationContext } from '../../core/service';
import { MalformedPolicyDocumentError, parsePolicy } from '../../policy';
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
 * refuse it). The lockout safety check is not modelled: BypassPolicyLockoutSafetyCheck is accepted
 * and a policy that locks the caller out is stored as given.
 */
export function putKeyPolicy(ctx: OperationContext, input: Input) {
  const policy = requiredString(input, 'Policy', { min: 1, max: 32_768 });
  policyName(input);
  optionalBoolean(input, 'BypassPolicyLockoutSafetyCheck');
  const key = customerKey(ctx, input, 'PutKeyPolicy');
  key.Policy = checkKeyPolicy(policy);
  return {};
}

export function listKeyPolicies(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  authorizeKey(ctx, 'ListKeyPolicies', key);
  return { PolicyNames: ['default'], Truncated: false };
}
