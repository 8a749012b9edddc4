import { iamErrors } from './errors';
import type { ManagedPolicy, PolicyVersion } from './state';

/**
 * Versions of a customer managed policy, as IAM keeps them: at most five; ids `v1`, `v2`, … are
 * never reused (after v2 is deleted the next is still one past the highest ever made); exactly one
 * is the default, the one in effect wherever the policy is attached (managed.ts reads it, so a
 * SetDefaultPolicyVersion changes every caller's permissions on the next request: the caller
 * cache in credentials.ts is keyed by the state's revision, which every write bumps). The default
 * cannot be deleted on its own: DeletePolicy deletes it with the policy, once it is the only one.
 */
export const MAX_POLICY_VERSIONS = 5;

/** The request member `VersionId`'s pattern, as the IAM API reference gives it. */
export const VERSION_ID = {
  pattern: /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/,
  patternText: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
};

const versionNumber = (v: PolicyVersion) => Number(v.VersionId.slice(1));

export function findVersion(policy: ManagedPolicy, versionId: string): PolicyVersion {
  const version = policy.versions.find((v) => v.VersionId === versionId);
  if (!version) throw iamErrors.noSuchPolicyVersion(policy.Arn, versionId);
  return version;
}

/** A new version (LimitExceeded when five exist); the default when `setAsDefault`. */
export function addVersion(policy: ManagedPolicy, document: string, now: number, setAsDefault: boolean): PolicyVersion {
  if (policy.versions.length >= MAX_POLICY_VERSIONS) throw iamErrors.policyVersionQuota();
  // States saved before versions were modelled have no counter: one past the highest is the same.
  const number = policy.nextVersion ?? Math.max(0, ...policy.versions.map(versionNumber)) + 1;
  const version: PolicyVersion = { VersionId: `v${number}`, Document: document, CreateDate: now };
  policy.versions = [...policy.versions, version];
  policy.nextVersion = number + 1;
  // GetPolicy's UpdateDate: when the most recent version was created.
  policy.UpdateDate = now;
  if (setAsDefault) policy.DefaultVersionId = version.VersionId;
  return version;
}

export function setDefaultVersion(policy: ManagedPolicy, versionId: string): void {
  policy.DefaultVersionId = findVersion(policy, versionId).VersionId;
}

/** Deletes a version other than the default (DeleteConflict for the default). */
export function removeVersion(policy: ManagedPolicy, versionId: string): void {
  const version = findVersion(policy, versionId);
  if (version.VersionId === policy.DefaultVersionId) throw iamErrors.defaultVersion();
  policy.versions = policy.versions.filter((v) => v !== version);
}
