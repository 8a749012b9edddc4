import type { OperationContext } from '../../core/service';
import { entityArn } from '../arns';
import { authorizeIam } from '../authorize';
import { checkDocument } from '../documents';
import { authorizedEntity } from '../entities';
import { iamErrors } from '../errors';
import { uniqueId } from '../ids';
import { namePage, removeEntry, sameName, storeEntry } from '../listing';
import { roleShape } from '../responses';
import { changed, type IamRole, iamState } from '../state';
import { entityName, type Input, optInt, optString, path, reqString, tags } from '../validate';

const trustPolicy = (input: Input, member: string) => {
  const document = reqString(input, member, { min: 1, max: 131_072 });
  // A trust policy is a resource-based policy: it names who may assume the role.
  checkDocument('trust policy', document, 'resource');
  return document;
};

/** CreateRole: a role, its trust policy (AssumeRolePolicyDocument) and no permissions yet. */
export function createRole(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'RoleName', 64);
  const rolePath = path(input);
  const document = trustPolicy(input, 'AssumeRolePolicyDocument');
  const description = optString(input, 'Description', { max: 1000 });
  const maxSession = optInt(input, 'MaxSessionDuration', 3600, 43_200) ?? 3600;
  const roleTags = tags(input);
  const state = iamState(ctx);
  const arn = entityArn(ctx.accountId, 'role', rolePath, name);
  authorizeIam(ctx, 'CreateRole', arn);
  if (sameName(state.roles, (r) => r.RoleName, name)) throw iamErrors.entityExists('role', name);
  const role: IamRole = {
    RoleName: name,
    RoleId: uniqueId(ctx.random, 'AROA'),
    Arn: arn,
    Path: rolePath,
    CreateDate: ctx.clock.now(),
    AssumeRolePolicyDocument: document,
    ...(description !== undefined ? { Description: description } : {}),
    MaxSessionDuration: maxSession,
    Tags: roleTags,
    inline: Object.create(null),
    attached: [],
  };
  storeEntry(state.roles, name, role);
  changed(state);
  return { Role: roleShape(role) };
}

export function getRole(ctx: OperationContext, input: Input) {
  const role = authorizedEntity(ctx, iamState(ctx), 'role', entityName(input, 'RoleName', 64), 'GetRole');
  return { Role: { ...roleShape(role), RoleLastUsed: {} } };
}

export function listRoles(ctx: OperationContext, input: Input) {
  const prefix = optString(input, 'PathPrefix', { min: 1, max: 512 }) ?? '/';
  const limit = optInt(input, 'MaxItems', 1, 1000) ?? 100;
  const marker = optString(input, 'Marker', { min: 1, max: 320 });
  authorizeIam(ctx, 'ListRoles', '*');
  const page = namePage(
    iamState(ctx).roles,
    (r) => r.RoleName,
    { limit, token: marker, scope: 'ListRoles', invalid: () => iamErrors.validation('Invalid Marker') },
    (r) => r.Path.startsWith(prefix),
  );
  return { Roles: page.items.map(roleShape), IsTruncated: page.next !== undefined, Marker: page.next };
}

/** UpdateAssumeRolePolicy: a new trust policy (sessions already issued keep working until they expire). */
export function updateAssumeRolePolicy(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'RoleName', 64);
  const document = trustPolicy(input, 'PolicyDocument');
  const state = iamState(ctx);
  const role = authorizedEntity(ctx, state, 'role', name, 'UpdateAssumeRolePolicy');
  role.AssumeRolePolicyDocument = document;
  changed(state);
  return {};
}

/** DeleteRole: refused while inline or attached policies remain (DeleteConflict). */
export function deleteRole(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'RoleName', 64);
  const state = iamState(ctx);
  const role = authorizedEntity(ctx, state, 'role', name, 'DeleteRole');
  if (Object.keys(role.inline).length > 0) throw iamErrors.deleteConflict('policies');
  if (role.attached.length > 0) throw iamErrors.deleteConflict('attached policies');
  removeEntry(state.roles, name);
  changed(state);
  return {};
}
