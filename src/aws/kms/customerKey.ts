import type { OperationContext } from '../core/service';
import { authorizeKey } from './authorize';
import { resolveKey } from './crypto';
import { kmsErrors } from './errors';
import type { KmsKey } from './state';
import { requiredKeyId } from './validate';

/**
 * Key management operations (EnableKey, DisableKey, deletion, tags) take a key id or key ARN
 * only, never an alias, and AWS managed keys refuse them: their key policy allows no caller to
 * manage them.
 */
export function customerKey(ctx: OperationContext, input: Record<string, unknown>, operation: string): KmsKey {
  const keyId = requiredKeyId(input);
  if (keyId.startsWith('alias/') || /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//.test(keyId))
    throw kmsErrors.invalidKeyId(keyId);
  const key = resolveKey(ctx, keyId);
  authorizeKey(ctx, operation, key);
  if (key.KeyManager === 'AWS') throw kmsErrors.awsManagedKey(operation, key.Arn, ctx.accountId);
  return key;
}
