import type { OperationContext } from '../../core/service';
import { entityArn } from '../arns';
import { authorizeIam } from '../authorize';
import { authorizedEntity } from '../entities';
import { iamErrors } from '../errors';
import { uniqueId } from '../ids';
import { removeEntry, sameName, storeEntry } from '../listing';
import { groupShape, userShape } from '../responses';
import { changed, type IamGroup, iamState } from '../state';
import { entityName, type Input, path } from '../validate';

/** Groups: a user's permissions include those of its groups (see credentials.ts). */
export function createGroup(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'GroupName', 128);
  const groupPath = path(input);
  const state = iamState(ctx);
  const arn = entityArn(ctx.accountId, 'group', groupPath, name);
  authorizeIam(ctx, 'CreateGroup', arn);
  if (sameName(state.groups, (g) => g.GroupName, name)) throw iamErrors.entityExists('group', name);
  const group: IamGroup = {
    GroupName: name,
    GroupId: uniqueId(ctx.random, 'AGPA'),
    Arn: arn,
    Path: groupPath,
    CreateDate: ctx.clock.now(),
    users: [],
    inline: Object.create(null),
    attached: [],
  };
  storeEntry(state.groups, name, group);
  changed(state);
  return { Group: groupShape(group) };
}

export function getGroup(ctx: OperationContext, input: Input) {
  const state = iamState(ctx);
  const group = authorizedEntity(ctx, state, 'group', entityName(input, 'GroupName', 128), 'GetGroup');
  const users = group.users.flatMap((n) => (Object.hasOwn(state.users, n) ? [state.users[n]] : []));
  return {
    Group: groupShape(group),
    Users: users.map((u) => userShape(u as NonNullable<typeof u>)),
    IsTruncated: false,
  };
}

function membership(ctx: OperationContext, input: Input, action: string) {
  const state = iamState(ctx);
  const group = authorizedEntity(ctx, state, 'group', entityName(input, 'GroupName', 128), action);
  const userName = entityName(input, 'UserName', 64);
  if (!Object.hasOwn(state.users, userName)) throw iamErrors.noSuchEntity('user', userName);
  return { state, group, userName };
}

export function addUserToGroup(ctx: OperationContext, input: Input) {
  const { state, group, userName } = membership(ctx, input, 'AddUserToGroup');
  if (!group.users.includes(userName)) group.users.push(userName);
  changed(state);
  return {};
}

export function removeUserFromGroup(ctx: OperationContext, input: Input) {
  const { state, group, userName } = membership(ctx, input, 'RemoveUserFromGroup');
  if (!group.users.includes(userName)) throw iamErrors.noSuchEntity('user', userName);
  group.users = group.users.filter((u) => u !== userName);
  changed(state);
  return {};
}

export function listGroupsForUser(ctx: OperationContext, input: Input) {
  const state = iamState(ctx);
  const user = authorizedEntity(ctx, state, 'user', entityName(input, 'UserName', 64), 'ListGroupsForUser');
  const groups = Object.values(state.groups).filter((g) => g.users.includes(user.UserName));
  return { Groups: groups.map(groupShape), IsTruncated: false };
}

/** DeleteGroup: refused while the group has members or policies (DeleteConflict). */
export function deleteGroup(ctx: OperationContext, input: Input) {
  const state = iamState(ctx);
  const group = authorizedEntity(ctx, state, 'group', entityName(input, 'GroupName', 128), 'DeleteGroup');
  if (group.users.length > 0) throw iamErrors.deleteConflict('users');
  if (Object.keys(group.inline).length > 0) throw iamErrors.deleteConflict('policies');
  if (group.attached.length > 0) throw iamErrors.deleteConflict('attached policies');
  removeEntry(state.groups, group.GroupName);
  changed(state);
  return {};
}
