import type { OperationContext } from '../../core/service';
import { entityArn } from '../arns';
import { authorizeIam } from '../authorize';
import { authorizedEntity } from '../entities';
import { iamErrors } from '../errors';
import { uniqueId } from '../ids';
import { keysOf, namePage, removeEntry, sameName, storeEntry } from '../listing';
import { userShape } from '../responses';
import { changed, iamState } from '../state';
import { entityName, type Input, optInt, optString, path, tags } from '../validate';

/** CreateUser: a user with no policies and no keys. */
export function createUser(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'UserName', 64);
  const userPath = path(input);
  const userTags = tags(input);
  const state = iamState(ctx);
  const arn = entityArn(ctx.accountId, 'user', userPath, name);
  authorizeIam(ctx, 'CreateUser', arn);
  if (sameName(state.users, (u) => u.UserName, name)) throw iamErrors.entityExists('user', name);
  const user = {
    UserName: name,
    UserId: uniqueId(ctx.random, 'AIDA'),
    Arn: arn,
    Path: userPath,
    CreateDate: ctx.clock.now(),
    Tags: userTags,
    inline: Object.create(null),
    attached: [],
  };
  storeEntry(state.users, name, user);
  changed(state);
  return { User: userShape(user) };
}

/** The user a request names, or (no UserName) the IAM user whose key signed it. */
export function userNameOrCaller(ctx: OperationContext, input: Input): string {
  const name = optString(input, 'UserName', {
    min: 1,
    max: 128,
    pattern: /^[\w+=,.@-]+$/,
    patternText: '[\\w+=,.@-]+',
  });
  if (name !== undefined) return name;
  const m = ctx.caller.arn.match(/^arn:aws:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/);
  if (!m) throw iamErrors.validation('Must specify userName when calling with non-User credentials');
  return m[1] as string;
}

export function getUser(ctx: OperationContext, input: Input) {
  const name = userNameOrCaller(ctx, input);
  return { User: userShape(authorizedEntity(ctx, iamState(ctx), 'user', name, 'GetUser')) };
}

export function listUsers(ctx: OperationContext, input: Input) {
  const prefix = optString(input, 'PathPrefix', { min: 1, max: 512 }) ?? '/';
  const limit = optInt(input, 'MaxItems', 1, 1000) ?? 100;
  const marker = optString(input, 'Marker', { min: 1, max: 320 });
  authorizeIam(ctx, 'ListUsers', '*');
  const page = namePage(
    iamState(ctx).users,
    (u) => u.UserName,
    { limit, token: marker, scope: 'ListUsers', invalid: () => iamErrors.validation('Invalid Marker') },
    (u) => u.Path.startsWith(prefix),
  );
  return { Users: page.items.map(userShape), IsTruncated: page.next !== undefined, Marker: page.next };
}

/**
 * DeleteUser: IAM refuses while the user still has access keys, inline policies, attached policies
 * or group memberships (DeleteConflict), so nothing is left dangling.
 */
export function deleteUser(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'UserName', 64);
  const state = iamState(ctx);
  const user = authorizedEntity(ctx, state, 'user', name, 'DeleteUser');
  if (keysOf(state.accessKeys, name).length > 0) throw iamErrors.deleteConflict('access keys');
  if (Object.keys(user.inline).length > 0) throw iamErrors.deleteConflict('policies');
  if (user.attached.length > 0) throw iamErrors.deleteConflict('attached policies');
  if (Object.values(state.groups).some((g) => g.users.includes(name)))
    throw iamErrors.deleteConflict('group memberships');
  removeEntry(state.users, name);
  changed(state);
  return {};
}
