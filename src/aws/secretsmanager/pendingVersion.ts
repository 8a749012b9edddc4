import type { OperationContext } from '../core/service';
import { AWSCURRENT, AWSPENDING, moveStage, pruneDeprecated, versionById, versionByStage } from './stages';
import type { SecretRecord, SecretVersion } from './state';
import { touchSecret } from './state';
import type { SecretValue } from './validate';
import { DEFAULT_KMS_KEY, sealValue } from './values';

/**
 * "During rotation, Secrets Manager creates an AWSPENDING version ID before creating the new
 * secret version": the version exists, labelled AWSPENDING, with no value, so the rotation
 * function's first check (`ClientRequestToken` is a version with AWSPENDING) passes, and
 * createSecret's GetSecretValue(VersionId, AWSPENDING) fails with ResourceNotFoundException until
 * PutSecretValue stores the value. Unlike addVersion, it never takes AWSCURRENT, even on a secret
 * with no value yet. Returns the existing version when one has this id (a resumed rotation).
 */
export function startPendingVersion(ctx: OperationContext, secret: SecretRecord, versionId: string): SecretVersion {
  const existing = versionById(secret, versionId);
  if (existing) return existing;
  const version: SecretVersion = {
    VersionId: versionId,
    CreatedDate: ctx.clock.now(),
    VersionStages: [],
    KmsKeyId: placeholderKey(ctx, secret, versionId),
    kind: 'string',
    ciphertext: '',
    empty: true,
  };
  secret.versions.push(version);
  moveStage(secret, AWSPENDING, versionId);
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  pruneDeprecated(ctx, secret);
  return version;
}

/** The key id ListSecretVersionIds reports for the placeholder: the secret's key, if it resolves. */
function placeholderKey(ctx: OperationContext, secret: SecretRecord, versionId: string): string {
  try {
    return sealValue(ctx, secret, versionId, { kind: 'string', bytes: new Uint8Array() }).KmsKeyId;
  } catch {
    return secret.KmsKeyId ?? DEFAULT_KMS_KEY;
  }
}

/** PutSecretValue on the placeholder: the value is sealed into it and the requested labels move to it. */
export function fillPendingVersion(
  ctx: OperationContext,
  secret: SecretRecord,
  version: SecretVersion,
  value: SecretValue,
  stages: string[],
): SecretVersion {
  const sealed = sealValue(ctx, secret, version.VersionId, value);
  Object.assign(version, sealed);
  delete version.empty;
  const first = !versionByStage(secret, AWSCURRENT);
  const labels = first && !stages.includes(AWSCURRENT) ? [...stages, AWSCURRENT] : stages;
  for (const stage of [...new Set(labels)].sort((a, b) => Number(a === AWSCURRENT) - Number(b === AWSCURRENT))) {
    moveStage(secret, stage, version.VersionId);
  }
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  return version;
}

/** The AWSPENDING version of a rotation that never finished (AWSPENDING not on the AWSCURRENT version). */
export function unfinishedPending(secret: SecretRecord): SecretVersion | undefined {
  const pending = versionByStage(secret, AWSPENDING);
  return pending && !pending.VersionStages.includes(AWSCURRENT) ? pending : undefined;
}
