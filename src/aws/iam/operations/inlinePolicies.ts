import type { Operation, OperationContext } from '../../core/service';
import { checkDocument, checkInlineQuota, encodeDocument } from '../documents';
import { authorizedEntity, NAME_MEMBER } from '../entities';
import { type EntityKind, iamErrors } from '../errors';
import { changed, iamState } from '../state';
import { entityName, type Input, reqString } from '../validate';

/**
 * Inline policies, the same four operations for users, roles and groups
 * (PutUserPolicy, GetUserPolicy, DeleteUserPolicy, ListUserPolicies, and the Role and Group ones).
 * A document is validated as IAM validates it before it is stored, and counted against the
 * entity's aggregate inline quota.
 */
const label = (kind: EntityKind) => (kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group');

function target(ctx: OperationContext, input: Input, kind: EntityKind, action: string) {
  const { member, max } = NAME_MEMBER[kind];
  const name = entityName(input, member, max);
  const state = iamState(ctx);
  return { state, name, entity: authorizedEntity(ctx, state, kind, name, action) };
}

const policyName = (input: Input) => entityName(input, 'PolicyName', 128);

export function inlinePolicyOperations(kind: EntityKind): Record<string, Operation> {
  const L = label(kind);
  const member = NAME_MEMBER[kind].member;
  return {
    [`Put${L}Policy`]: (ctx, input) => {
      const pName = policyName(input);
      const document = reqString(input, 'PolicyDocument', { min: 1, max: 131_072 });
      const { state, name, entity } = target(ctx, input, kind, `Put${L}Policy`);
      checkDocument(pName, document);
      const before = Object.hasOwn(entity.inline, pName) ? entity.inline[pName] : undefined;
      entity.inline[pName] = document;
      try {
        checkInlineQuota(kind, name, entity);
      } catch (e) {
        if (before === undefined) delete entity.inline[pName];
        else entity.inline[pName] = before;
        throw e;
      }
      changed(state);
      return {};
    },
    [`Get${L}Policy`]: (ctx, input) => {
      const pName = policyName(input);
      const { name, entity } = target(ctx, input, kind, `Get${L}Policy`);
      const document = Object.hasOwn(entity.inline, pName) ? entity.inline[pName] : undefined;
      if (document === undefined) throw iamErrors.noSuchInlinePolicy(kind, pName);
      return { [member]: name, PolicyName: pName, PolicyDocument: encodeDocument(document) };
    },
    [`Delete${L}Policy`]: (ctx, input) => {
      const pName = policyName(input);
      const { state, entity } = target(ctx, input, kind, `Delete${L}Policy`);
      if (!Object.hasOwn(entity.inline, pName)) throw iamErrors.noSuchInlinePolicy(kind, pName);
      delete entity.inline[pName];
      changed(state);
      return {};
    },
    [`List${L}Policies`]: (ctx, input) => {
      const { entity } = target(ctx, input, kind, `List${L}Policies`);
      return { PolicyNames: Object.keys(entity.inline).sort(), IsTruncated: false };
    },
  };
}
