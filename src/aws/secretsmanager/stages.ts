import type { OperationContext } from '../core/service';
import type { SecretRecord, SecretVersion } from './state';

/**
 * Versions and staging labels: the rules AWS applies when labels move. Kept apart from the
 * operations so a rotation engine (createSecret → setSecret → testSecret → finishSecret) can
 * call the same functions: `addVersion(..., [AWSPENDING])`, then `moveStage(secret, AWSCURRENT, id)`.
 *
 * Invariants:
 * - a label is attached to at most one version of a secret;
 * - a secret with versions always has exactly one AWSCURRENT version;
 * - moving AWSCURRENT gives AWSPREVIOUS to the version it left (and takes AWSPREVIOUS off the
 *   version it reached); that version also loses AWSPENDING, the marker of a finished rotation;
 * - a version with no label is deprecated: hidden from VersionIdsToStages and (by default) from
 *   ListSecretVersionIds, and removed once more than 100 exist, but never within 24 hours of
 *   its creation;
 * - labels are kept in sorted order, as AWS lists them.
 */
export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const AWSPENDING = 'AWSPENDING';

export const MAX_DEPRECATED_VERSIONS = 100;
const DEPRECATED_GRACE_MS = 24 * 60 * 60 * 1000;

export function versionById(secret: SecretRecord, versionId: string): SecretVersion | undefined {
  return secret.versions.find((v) => v.VersionId === versionId);
}

export function versionByStage(secret: SecretRecord, stage: string): SecretVersion | undefined {
  return secret.versions.find((v) => v.VersionStages.includes(stage));
}

function addLabel(version: SecretVersion, stage: string): void {
  if (!version.VersionStages.includes(stage)) version.VersionStages = [...version.VersionStages, stage].sort();
}

function dropLabel(version: SecretVersion, stage: string): void {
  version.VersionStages = version.VersionStages.filter((s) => s !== stage);
}

/** Takes a label off a version (UpdateSecretVersionStage with only RemoveFromVersionId). */
export function removeStage(secret: SecretRecord, stage: string, versionId: string): void {
  const version = versionById(secret, versionId);
  if (version) dropLabel(version, stage);
}

/** Moves a label to a version, from whichever version holds it, applying the AWSCURRENT rules. */
export function moveStage(secret: SecretRecord, stage: string, toVersionId: string): void {
  const target = versionById(secret, toVersionId);
  if (!target) throw new Error(`No version ${toVersionId}`);
  const holder = versionByStage(secret, stage);
  if (holder === target) return;
  if (holder) dropLabel(holder, stage);
  addLabel(target, stage);
  if (stage !== AWSCURRENT) return;
  dropLabel(target, AWSPREVIOUS);
  if (holder) {
    for (const v of secret.versions) if (v !== holder) dropLabel(v, AWSPREVIOUS);
    addLabel(holder, AWSPREVIOUS);
    dropLabel(holder, AWSPENDING);
  }
}

/**
 * Appends a new version carrying `stages` (each moved from wherever it was). The first version of
 * a secret always gets AWSCURRENT, whatever was asked. Prunes deprecated versions afterwards.
 */
export function addVersion(
  ctx: OperationContext,
  secret: SecretRecord,
  version: Omit<SecretVersion, 'VersionStages'>,
  stages: string[],
): SecretVersion {
  const first = !versionByStage(secret, AWSCURRENT);
  const created: SecretVersion = { ...version, VersionStages: [] };
  secret.versions.push(created);
  const labels = first && !stages.includes(AWSCURRENT) ? [...stages, AWSCURRENT] : stages;
  // AWSCURRENT last, so the AWSPREVIOUS hand-off sees the final placement of the other labels.
  for (const stage of [...new Set(labels)].sort((a, b) => Number(a === AWSCURRENT) - Number(b === AWSCURRENT))) {
    moveStage(secret, stage, created.VersionId);
  }
  pruneDeprecated(ctx, secret);
  return created;
}

export function isDeprecated(version: SecretVersion): boolean {
  return version.VersionStages.length === 0;
}

/** AWS removes outdated versions beyond 100, oldest first, but not those created in the last 24 hours. */
export function pruneDeprecated(ctx: OperationContext, secret: SecretRecord): void {
  let excess = secret.versions.filter(isDeprecated).length - MAX_DEPRECATED_VERSIONS;
  if (excess <= 0) return;
  const cutoff = ctx.clock.now() - DEPRECATED_GRACE_MS;
  secret.versions = secret.versions.filter((v) => {
    if (excess > 0 && isDeprecated(v) && v.CreatedDate <= cutoff) {
      excess--;
      return false;
    }
    return true;
  });
}

/** `VersionIdsToStages` / `SecretVersionsToStages`: labelled versions only; undefined when none. */
export function versionIdsToStages(secret: SecretRecord): Record<string, string[]> | undefined {
  const labelled = secret.versions.filter((v) => !isDeprecated(v));
  if (labelled.length === 0) return undefined;
  return Object.fromEntries(labelled.map((v) => [v.VersionId, [...v.VersionStages]]));
}
