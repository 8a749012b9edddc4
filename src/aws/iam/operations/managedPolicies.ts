import { own } from '../../core/dict';
import type { Operation, OperationContext } from '../../core/service';
import { entityArn, parsePolicyArn } from '../arns';
import { attachmentCount, attachPolicy, detachPolicy } from '../attachments';
import { authorizeIam } from '../authorize';
import { checkManagedDocument } from '../documents';
import { authorizedEntity, NAME_MEMBER } from '../entities';
import { type EntityKind, iamErrors } from '../errors';
import { uniqueId } from '../ids';
import { mergedPage, removeEntry, sameName, storeEntry } from '../listing';
import { AWS_MANAGED_DATE, AWS_MANAGED_POLICIES, managedDocument } from '../managed';
import { policyShape } from '../responses';
import { changed, type IamState, iamState, type ManagedPolicy } from '../state';
import { entityName, type Input, optInt, optString, path, reqString, tags } from '../validate';

export const policyArnMember = (input: Input) => reqString(input, 'PolicyArn', { min: 20, max: 2048 });

/** A customer managed policy (an AWS managed one, which no caller may change, is NoSuchEntity). */
export function requirePolicy(ctx: OperationContext, arn: string): ManagedPolicy {
  const policy = own(iamState(ctx).policies, arn);
  if (!policy) throw iamErrors.noSuchPolicy(arn);
  return policy;
}

/** CreatePolicy: a customer managed policy, version v1 its default. */
export function createPolicy(ctx: OperationContext, input: Input) {
  const name = entityName(input, 'PolicyName', 128);
  const document = reqString(input, 'PolicyDocument', { min: 1, max: 131_072 });
  const policyPath = path(input);
  const description = optString(input, 'Description', { max: 1000 });
  const policyTags = tags(input);
  const state = iamState(ctx);
  const arn = entityArn(ctx.accountId, 'policy', policyPath, name);
  authorizeIam(ctx, 'CreatePolicy', arn);
  checkManagedDocument(name, document);
  if (sameName(state.policies, (p) => p.PolicyName, name)) throw iamErrors.policyExists(name);
  const now = ctx.clock.now();
  const policy: ManagedPolicy = {
    PolicyName: name,
    PolicyId: uniqueId(ctx.random, 'ANPA'),
    Arn: arn,
    Path: policyPath,
    ...(description !== undefined ? { Description: description } : {}),
    CreateDate: now,
    UpdateDate: now,
    DefaultVersionId: 'v1',
    versions: [{ VersionId: 'v1', Document: document, CreateDate: now }],
    nextVersion: 2,
    Tags: policyTags,
  };
  storeEntry(state.policies, arn, policy);
  changed(state);
  return { Policy: policyShape(policy, 0) };
}

export function getPolicy(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  authorizeIam(ctx, 'GetPolicy', arn);
  if (Object.hasOwn(AWS_MANAGED_POLICIES, arn)) return { Policy: awsManagedShape(iamState(ctx), arn) };
  return { Policy: policyShape(requirePolicy(ctx, arn), attachmentCount(iamState(ctx), arn)) };
}

/** An AWS managed policy as GetPolicy and ListPolicies answer it. */
export function awsManagedShape(state: IamState, arn: string) {
  const aws = AWS_MANAGED_POLICIES[arn] as (typeof AWS_MANAGED_POLICIES)[string];
  const shape = {
    PolicyName: aws.name,
    PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
    Arn: arn,
    Path: '/',
    DefaultVersionId: 'v1',
    versions: [],
    CreateDate: AWS_MANAGED_DATE,
    UpdateDate: AWS_MANAGED_DATE,
    Description: aws.description,
    Tags: [],
  };
  return policyShape(shape, attachmentCount(state, arn));
}

/** The AWS managed policies' ARNs by name (a fixed list, sorted once). */
const AWS_BY_NAME = Object.keys(AWS_MANAGED_POLICIES).sort((a, b) => {
  const [x, y] = [AWS_MANAGED_POLICIES[a]?.name ?? '', AWS_MANAGED_POLICIES[b]?.name ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
});

/**
 * DeletePolicy: refused while the policy is attached anywhere, or while it has versions besides the
 * default (which goes with the policy).
 */
export function deletePolicy(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  authorizeIam(ctx, 'DeletePolicy', arn);
  const state = iamState(ctx);
  const policy = requirePolicy(ctx, arn);
  if (attachmentCount(state, arn) > 0) throw iamErrors.policyAttached();
  if (policy.versions.length > 1) throw iamErrors.policyVersions();
  removeEntry(state.policies, arn);
  changed(state);
  return {};
}

/**
 * ListPolicies: customer managed (Scope Local) and AWS managed (Scope AWS) policies, by name, a
 * customer policy first when it shares an AWS managed policy's name; OnlyAttached and PathPrefix
 * filter. One page is read from the customer policies' name index merged with the fixed AWS list.
 */
export function listPolicies(ctx: OperationContext, input: Input) {
  const scope = optString(input, 'Scope') ?? 'All';
  const onlyAttached = optString(input, 'OnlyAttached') === 'true';
  const prefix = optString(input, 'PathPrefix', { min: 1, max: 512 }) ?? '/';
  const limit = optInt(input, 'MaxItems', 1, 1000) ?? 100;
  const marker = optString(input, 'Marker', { min: 1, max: 320 });
  authorizeIam(ctx, 'ListPolicies', '*');
  const state = iamState(ctx);
  const page = mergedPage(
    scope === 'AWS'
      ? undefined
      : { map: state.policies, name: (p) => p.PolicyName, item: (p) => policyShape(p, attachmentCount(state, p.Arn)) },
    scope === 'Local' ? [] : AWS_BY_NAME.map((arn) => awsManagedShape(state, arn)),
    (p) => p.PolicyName,
    { limit, token: marker, scope: `ListPolicies:${scope}`, invalid: () => iamErrors.validation('Invalid Marker') },
    (p) => p.Path.startsWith(prefix) && (!onlyAttached || p.AttachmentCount > 0),
  );
  return { Policies: page.items, IsTruncated: page.next !== undefined, Marker: page.next };
}

/** Attach, detach and list attached policies, the same for users, roles and groups (at most 10 each). */
export function attachmentOperations(kind: EntityKind): Record<string, Operation> {
  const L = kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group';
  const { member, max } = NAME_MEMBER[kind];
  const target = (ctx: OperationContext, input: Input, action: string) => {
    const name = entityName(input, member, max);
    const state = iamState(ctx);
    return { state, entity: authorizedEntity(ctx, state, kind, name, action) };
  };
  return {
    [`Attach${L}Policy`]: (ctx, input) => {
      const arn = policyArnMember(input);
      const { state, entity } = target(ctx, input, `Attach${L}Policy`);
      if (!parsePolicyArn(arn) || !managedDocument(state, arn)) throw iamErrors.noSuchPolicy(arn);
      if (!entity.attached.includes(arn)) {
        if (entity.attached.length >= 10) throw iamErrors.attachedQuota(kind);
        attachPolicy(state, entity, arn);
        changed(state);
      }
      return {};
    },
    [`Detach${L}Policy`]: (ctx, input) => {
      const arn = policyArnMember(input);
      const { state, entity } = target(ctx, input, `Detach${L}Policy`);
      if (!entity.attached.includes(arn)) throw iamErrors.noSuchPolicy(arn);
      detachPolicy(state, entity, arn);
      changed(state);
      return {};
    },
    [`ListAttached${L}Policies`]: (ctx, input) => {
      const { state, entity } = target(ctx, input, `ListAttached${L}Policies`);
      return {
        AttachedPolicies: entity.attached.map((arn) => ({
          PolicyName: managedDocument(state, arn)?.name ?? arn,
          PolicyArn: arn,
        })),
        IsTruncated: false,
      };
    },
  };
}
