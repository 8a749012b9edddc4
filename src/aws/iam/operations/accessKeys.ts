import { dict } from '../../core/dict';
import type { OperationContext } from '../../core/service';
import { authorizedEntity } from '../entities';
import { iamErrors } from '../errors';
import { accessKeyId, secretAccessKey } from '../ids';
import { keysOf, removeEntry, storeEntry } from '../listing';
import { iso } from '../responses';
import { changed, iamState } from '../state';
import { type Input, reqString } from '../validate';
import { userNameOrCaller } from './users';

/** A user holds at most two access keys. The secret is returned once, by CreateAccessKey. */
export function createAccessKey(ctx: OperationContext, input: Input) {
  const name = userNameOrCaller(ctx, input);
  const state = iamState(ctx);
  authorizedEntity(ctx, state, 'user', name, 'CreateAccessKey');
  if (keysOf(state.accessKeys, name).length >= 2) throw iamErrors.accessKeyQuota();
  const key = {
    AccessKeyId: accessKeyId(ctx.random, 'AKIA'),
    SecretAccessKey: secretAccessKey(ctx.random),
    UserName: name,
    Status: 'Active' as const,
    CreateDate: ctx.clock.now(),
  };
  storeEntry(state.accessKeys, key.AccessKeyId, key);
  changed(state);
  return {
    AccessKey: {
      UserName: key.UserName,
      AccessKeyId: key.AccessKeyId,
      Status: key.Status,
      SecretAccessKey: key.SecretAccessKey,
      CreateDate: iso(key.CreateDate),
    },
  };
}

function ownKey(ctx: OperationContext, input: Input, action: string) {
  const name = userNameOrCaller(ctx, input);
  const id = reqString(input, 'AccessKeyId', { min: 16, max: 128, pattern: /^[\w]+$/, patternText: '[\\w]+' });
  const state = iamState(ctx);
  authorizedEntity(ctx, state, 'user', name, action);
  const key = Object.hasOwn(state.accessKeys, id) ? state.accessKeys[id] : undefined;
  if (!key || key.UserName !== name) throw iamErrors.noSuchAccessKey(id);
  return { state, key };
}

/** Status Inactive: requests signed with the key are refused (InvalidClientTokenId) until it is Active again. */
export function updateAccessKey(ctx: OperationContext, input: Input) {
  const status = reqString(input, 'Status');
  if (status !== 'Active' && status !== 'Inactive') {
    throw iamErrors.validation(
      `1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`,
    );
  }
  const { state, key } = ownKey(ctx, input, 'UpdateAccessKey');
  key.Status = status;
  changed(state);
  return {};
}

export function deleteAccessKey(ctx: OperationContext, input: Input) {
  const { state, key } = ownKey(ctx, input, 'DeleteAccessKey');
  removeEntry(state.accessKeys, key.AccessKeyId);
  state.deletedAccessKeys ??= dict();
  state.deletedAccessKeys[key.AccessKeyId] = key.UserName;
  changed(state);
  return {};
}

export function listAccessKeys(ctx: OperationContext, input: Input) {
  const name = userNameOrCaller(ctx, input);
  const state = iamState(ctx);
  authorizedEntity(ctx, state, 'user', name, 'ListAccessKeys');
  const keys = keysOf(state.accessKeys, name);
  return {
    AccessKeyMetadata: keys.map((k) => ({
      UserName: k.UserName,
      AccessKeyId: k.AccessKeyId,
      Status: k.Status,
      CreateDate: iso(k.CreateDate),
    })),
    IsTruncated: false,
  };
}
