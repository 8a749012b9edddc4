import { own } from '../core/dict';
import type { OperationContext } from '../core/service';
import { authorizeKey } from './authorize';
import { kmsErrors } from './errors';
import { type KmsKey, kmsState } from './state';
import { requiredKeyId } from './validate';

const ARN = /^arn:aws:kms:([^:]*):([^:]*):((?:key|alias)\/.+)$/;
const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Finds a key by key id, key ARN, alias name or alias ARN, as KMS's `KeyId` parameter accepts.
 * An ARN of another region or account names nothing here. Throws NotFoundException with KMS's
 * wording when nothing matches.
 */
export function resolveKey(ctx: OperationContext, keyId: string): KmsKey {
  const state = kmsState(ctx);
  const arn = keyId.match(ARN);
  if (keyId.startsWith('arn:') && !arn) throw kmsErrors.invalidKeyId(keyId);
  const local = !arn || (arn[1] === ctx.region && arn[2] === ctx.accountId);
  const id = arn?.[3]?.replace(/^key\//, '') ?? keyId;
  if (id.startsWith('alias/')) {
    const alias = local ? own(state.aliases, id) : undefined;
    if (!alias) throw kmsErrors.aliasNotFound(arn ? keyId : aliasArnOf(ctx, id));
    const target = own(state.keys, alias.TargetKeyId);
    if (!target) throw kmsErrors.keyNotFound(keyArnOf(ctx, alias.TargetKeyId));
    return target;
  }
  if (!KEY_ID.test(id)) throw kmsErrors.invalidKeyId(keyId);
  const key = local ? own(state.keys, id) : undefined;
  if (!key) throw kmsErrors.keyNotFound(arn ? keyId : keyArnOf(ctx, id));
  return key;
}

export function keyArnOf(ctx: OperationContext, id: string): string {
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${id}`;
}

export function aliasArnOf(ctx: OperationContext, aliasName: string): string {
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:${aliasName}`;
}

/** Throws the error KMS gives for a key that cannot encrypt or decrypt now. */
export function usable(key: KmsKey): void {
  if (key.KeyState === 'Disabled') throw kmsErrors.disabled(key.Arn);
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
}

/**
 * Key management operations (EnableKey, DisableKey, deletion, tags) take a key id or key ARN
 * only, never an alias, and AWS managed keys refuse them: their key policy allows no caller to
 * manage them.
 */
export function customerKey(
  ctx: OperationContext,
  input: Record<string, unknown>,
  operation: string,
  options: Parameters<typeof authorizeKey>[3] = {},
): KmsKey {
  const key = keyByIdOrArn(ctx, input);
  authorizeKey(ctx, operation, key, options);
  if (key.KeyManager === 'AWS') throw kmsErrors.awsManagedKey(operation, key.Arn, ctx.accountId);
  return key;
}

/** The key a `KeyId` names that takes a key id or key ARN only (management and grant operations). */
export function keyByIdOrArn(ctx: OperationContext, input: Record<string, unknown>): KmsKey {
  const keyId = requiredKeyId(input);
  if (keyId.startsWith('alias/') || /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//.test(keyId))
    throw kmsErrors.invalidKeyId(keyId);
  return resolveKey(ctx, keyId);
}
