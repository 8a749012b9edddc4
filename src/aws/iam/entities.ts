import { own } from '../core/dict';
import type { OperationContext } from '../core/service';
import { entityArn } from './arns';
import { authorizeIam } from './authorize';
import { type EntityKind, iamErrors } from './errors';
import type { IamGroup, IamRole, IamState, IamUser } from './state';

/** Users, roles and groups by kind: what the inline-policy and attachment operations share. */
export type Entity = IamUser | IamRole | IamGroup;

export function requireUser(state: IamState, name: string): IamUser {
  const user = own(state.users, name);
  if (!user) throw iamErrors.noSuchEntity('user', name);
  return user;
}

export function requireRole(state: IamState, name: string): IamRole {
  const role = own(state.roles, name);
  if (!role) throw iamErrors.noSuchEntity('role', name);
  return role;
}

export function requireGroup(state: IamState, name: string): IamGroup {
  const group = own(state.groups, name);
  if (!group) throw iamErrors.noSuchEntity('group', name);
  return group;
}

export function requireEntity(state: IamState, kind: EntityKind, name: string): Entity {
  return kind === 'user'
    ? requireUser(state, name)
    : kind === 'role'
      ? requireRole(state, name)
      : requireGroup(state, name);
}

/** The member naming the entity in requests (`UserName`, `RoleName`, `GroupName`) and its length limit. */
export const NAME_MEMBER: Record<EntityKind, { member: string; max: number }> = {
  user: { member: 'UserName', max: 64 },
  role: { member: 'RoleName', max: 64 },
  group: { member: 'GroupName', max: 128 },
};

/**
 * Authorizes `iam:<action>` on the entity a request names, then finds it: authorization comes first
 * (a caller without access learns nothing, as with every AWS API), so a missing entity is
 * evaluated at the ARN it would have with the default path.
 */
export function authorizedEntity<K extends EntityKind>(
  ctx: OperationContext,
  state: IamState,
  kind: K,
  name: string,
  action: string,
): K extends 'user' ? IamUser : K extends 'role' ? IamRole : IamGroup {
  const map = kind === 'user' ? state.users : kind === 'role' ? state.roles : state.groups;
  const existing = own(map as Record<string, Entity>, name);
  authorizeIam(ctx, action, existing?.Arn ?? entityArn(ctx.accountId, kind, '/', name));
  return requireEntity(state, kind, name) as never;
}
