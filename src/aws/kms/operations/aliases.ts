import { indexPage, orderedIndex } from '../../core/orderedIndex';
import type { OperationContext } from '../../core/service';
import { authorizeKey } from '../authorize';
import { kmsErrors } from '../errors';
import { aliasArnOf, resolveKey } from '../keyIds';
import { aliasEntry } from '../responses';
import { aliasRecord, type KmsKey, kmsState, removeAlias, storeAlias } from '../state';
import { optionalInteger, optionalString, requiredKeyId, requiredString } from '../validate';

type Input = Record<string, unknown>;

/** AliasName: 1–256 characters of `[a-zA-Z0-9:/_-]`, starting `alias/`; `alias/aws/` is AWS's. */
function aliasName(input: Input): string {
  const name = requiredString(input, 'AliasName', { min: 1, max: 256, pattern: /^[a-zA-Z0-9:/_-]+$/ });
  if (!name.startsWith('alias/')) throw kmsErrors.aliasPrefix();
  if (name.startsWith('alias/aws/')) throw kmsErrors.reservedAlias(name);
  return name;
}

/** An alias points at a customer managed key (never at another alias), and not at one pending deletion. */
function targetKey(ctx: OperationContext, input: Input, operation: string): KmsKey {
  const keyId = requiredKeyId(input, 'TargetKeyId');
  if (keyId.startsWith('alias/') || /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//.test(keyId)) throw kmsErrors.aliasToAlias();
  const key = resolveKey(ctx, keyId);
  authorizeKey(ctx, operation, key);
  if (key.KeyManager === 'AWS') throw kmsErrors.awsManagedKey(operation, key.Arn, ctx.accountId);
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
  return key;
}

export function createAlias(ctx: OperationContext, input: Input) {
  const name = aliasName(input);
  const state = kmsState(ctx);
  ctx.authorize('kms:CreateAlias', aliasArnOf(ctx, name));
  if (state.aliases[name]) throw kmsErrors.aliasExists(aliasArnOf(ctx, name));
  const key = targetKey(ctx, input, 'CreateAlias');
  storeAlias(state, aliasRecord(ctx, name, key.KeyId));
  return {};
}

/** Repoints an existing alias; the alias keeps its creation date. */
export function updateAlias(ctx: OperationContext, input: Input) {
  const name = aliasName(input);
  ctx.authorize('kms:UpdateAlias', aliasArnOf(ctx, name));
  const alias = kmsState(ctx).aliases[name];
  if (!alias) throw kmsErrors.aliasNotFound(aliasArnOf(ctx, name));
  const key = targetKey(ctx, input, 'UpdateAlias');
  alias.TargetKeyId = key.KeyId;
  alias.LastUpdatedDate = ctx.clock.now();
  return {};
}

/** Deleting an alias never touches its key. */
export function deleteAlias(ctx: OperationContext, input: Input) {
  const name = aliasName(input);
  const state = kmsState(ctx);
  ctx.authorize('kms:DeleteAlias', aliasArnOf(ctx, name));
  const alias = state.aliases[name];
  if (!alias) throw kmsErrors.aliasNotFound(aliasArnOf(ctx, name));
  // DeleteAlias needs the permission on the key the alias points to as well.
  const target = state.keys[alias.TargetKeyId];
  if (target) authorizeKey(ctx, 'DeleteAlias', target);
  removeAlias(state, name);
  return {};
}

/** All aliases of the account and region (AWS managed ones included), or those of one key. */
export function listAliases(ctx: OperationContext, input: Input) {
  const keyId = input.KeyId === undefined || input.KeyId === null ? undefined : requiredKeyId(input);
  const limit = optionalInteger(input, 'Limit', 1, 100) ?? 50;
  const marker = optionalString(input, 'Marker', { min: 1, max: 1024 });
  ctx.authorize('kms:ListAliases', '*');
  const target = keyId === undefined ? undefined : resolveKey(ctx, keyId).KeyId;
  const map = kmsState(ctx).aliases;
  // A page walks the aliases by name from its position (the index kept by storeAlias / removeAlias).
  const { items: page, next } = indexPage(
    map,
    () => orderedIndex(map, 'name', (a) => a.AliasName),
    { limit, token: marker, scope: 'ListAliases', invalid: kmsErrors.invalidMarker },
    (a) => target === undefined || a.TargetKeyId === target,
  );
  const items = page.map(aliasEntry);
  return { Aliases: items, Truncated: next !== undefined, ...(next !== undefined ? { NextMarker: next } : {}) };
}
