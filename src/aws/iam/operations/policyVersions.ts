import { paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizeIam } from '../authorize';
import { checkManagedDocument, encodeDocument } from '../documents';
import { iamErrors } from '../errors';
import { AWS_MANAGED_DATE, AWS_MANAGED_POLICIES } from '../managed';
import { iso } from '../responses';
import { changed, iamState, type PolicyVersion } from '../state';
import { type Input, optInt, optString, reqString } from '../validate';
import { addVersion, removeVersion, setDefaultVersion, VERSION_ID } from '../versions';
import { policyArnMember, requirePolicy } from './managedPolicies';

/**
 * Managed policy versions (versions.ts holds the rules): CreatePolicyVersion, GetPolicyVersion,
 * ListPolicyVersions, SetDefaultPolicyVersion, DeletePolicyVersion, each authorized as
 * `iam:<Action>` on the policy's ARN. An AWS managed policy has its one version v1 to read; it
 * cannot be changed (NoSuchEntity, as for any policy the account does not own).
 */
const versionIdMember = (input: Input) => reqString(input, 'VersionId', VERSION_ID);

/** The versions of a customer or AWS managed policy, oldest first, and which is the default. */
function versionsOf(ctx: OperationContext, arn: string): { versions: PolicyVersion[]; defaultId: string } {
  const aws = Object.hasOwn(AWS_MANAGED_POLICIES, arn) ? AWS_MANAGED_POLICIES[arn] : undefined;
  if (aws)
    return { versions: [{ VersionId: 'v1', Document: aws.document, CreateDate: AWS_MANAGED_DATE }], defaultId: 'v1' };
  const policy = requirePolicy(ctx, arn);
  return { versions: policy.versions, defaultId: policy.DefaultVersionId };
}

/** A version as the API answers it; the document only where GetPolicyVersion returns it. */
const versionShape = (v: PolicyVersion, defaultId: string, withDocument: boolean) => ({
  ...(withDocument ? { Document: encodeDocument(v.Document) } : {}),
  VersionId: v.VersionId,
  IsDefaultVersion: v.VersionId === defaultId,
  CreateDate: iso(v.CreateDate),
});

export function createPolicyVersion(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  const document = reqString(input, 'PolicyDocument', { min: 1, max: 131_072 });
  const setAsDefault = optString(input, 'SetAsDefault') === 'true';
  authorizeIam(ctx, 'CreatePolicyVersion', arn);
  const state = iamState(ctx);
  const policy = requirePolicy(ctx, arn);
  checkManagedDocument(policy.PolicyName, document);
  const version = addVersion(policy, document, ctx.clock.now(), setAsDefault);
  changed(state);
  return { PolicyVersion: versionShape(version, policy.DefaultVersionId, false) };
}

export function getPolicyVersion(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  const versionId = versionIdMember(input);
  authorizeIam(ctx, 'GetPolicyVersion', arn);
  const { versions, defaultId } = versionsOf(ctx, arn);
  const version = versions.find((v) => v.VersionId === versionId);
  if (!version) throw iamErrors.noSuchPolicyVersion(arn, versionId);
  return { PolicyVersion: versionShape(version, defaultId, true) };
}

/** ListPolicyVersions: newest first (at most five: a page is a slice). */
export function listPolicyVersions(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  const limit = optInt(input, 'MaxItems', 1, 1000) ?? 100;
  const marker = optString(input, 'Marker', { min: 1, max: 320 });
  authorizeIam(ctx, 'ListPolicyVersions', arn);
  const { versions, defaultId } = versionsOf(ctx, arn);
  const page = paginate([...versions].reverse(), {
    limit,
    token: marker,
    scope: `ListPolicyVersions:${arn}`,
    invalid: () => iamErrors.validation('Invalid Marker'),
  });
  return {
    Versions: page.items.map((v) => versionShape(v, defaultId, false)),
    IsTruncated: page.next !== undefined,
    Marker: page.next,
  };
}

export function setDefaultPolicyVersion(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  const versionId = versionIdMember(input);
  authorizeIam(ctx, 'SetDefaultPolicyVersion', arn);
  const state = iamState(ctx);
  setDefaultVersion(requirePolicy(ctx, arn), versionId);
  changed(state);
  return {};
}

export function deletePolicyVersion(ctx: OperationContext, input: Input) {
  const arn = policyArnMember(input);
  const versionId = versionIdMember(input);
  authorizeIam(ctx, 'DeletePolicyVersion', arn);
  const state = iamState(ctx);
  removeVersion(requirePolicy(ctx, arn), versionId);
  changed(state);
  return {};
}
