import type { OperationContext } from '../../core/service';
import { findSecret, newSecretArn, requireSecret } from '../arn';
import { authorizeSecret } from '../authorize';
import {
  alreadyMarkedDeleted,
  invalidParameter,
  missingToken,
  nameScheduledForDeletion,
  secretExists,
  secretNotFound,
  tokenInUse,
} from '../errors';
import { putNewVersion } from '../newVersion';
import { addReplicas, checkReplicaRegions, replicaReadOnly, replicationStatus } from '../replication';
import { arnAndName, describeShape, seconds } from '../responses';
import { AWSCURRENT, isDeprecated, versionById } from '../stages';
import {
  removeSecret,
  type SecretRecord,
  scheduleRemoval,
  secretDueChanged,
  smState,
  storeSecret,
  touchSecret,
} from '../state';
import {
  clientRequestToken,
  type Input,
  optBool,
  optInt,
  optString,
  replicaRegions,
  secretId,
  secretName,
  secretValue,
  tagList,
} from '../validate';
import { openValue, sameValue, sealValue } from '../values';

const DAY_MS = 86_400_000;

function mergeTags(tags: { Key: string; Value: string }[]): { Key: string; Value: string }[] {
  return [...new Map(tags.map((t) => [t.Key, t])).values()];
}

/**
 * CreateSecret is authorized on the secret it would create (`secret:<name>`, before the random suffix
 * exists), with `secretsmanager:Name` and `secretsmanager:KmsKeyId`; tags on creation also need
 * secretsmanager:TagResource.
 */
function authorizeCreate(
  ctx: OperationContext,
  name: string,
  kmsKeyId: string | undefined,
  tags: { Key: string; Value: string }[] | undefined,
): void {
  const resource = `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${name}`;
  const requestTags = Object.fromEntries((tags ?? []).map((t) => [`aws:RequestTag/${t.Key}`, t.Value]));
  const context = {
    'secretsmanager:Name': name,
    ...(kmsKeyId ? { 'secretsmanager:KmsKeyId': kmsKeyId } : {}),
    ...requestTags,
    ...(tags?.length ? { 'aws:TagKeys': tags.map((t) => t.Key) } : {}),
  };
  ctx.authorize('secretsmanager:CreateSecret', resource, context);
  if (tags?.length) ctx.authorize('secretsmanager:TagResource', resource, context);
}

export function createSecret(ctx: OperationContext, input: Input) {
  const name = secretName(input);
  const token = clientRequestToken(input);
  const description = optString(input, 'Description', { max: 2048 });
  const kmsKeyId = optString(input, 'KmsKeyId', { max: 2048 });
  const value = secretValue(input);
  const tags = tagList(input);
  const force = optBool(input, 'ForceOverwriteReplicaSecret') ?? false;
  const replicas = replicaRegions(input);
  authorizeCreate(ctx, name, kmsKeyId, tags);
  if (replicas) checkReplicaRegions(ctx, replicas);
  const state = smState(ctx);
  const existing = Object.hasOwn(state.secrets, name) ? state.secrets[name] : undefined;
  if (existing) {
    if (existing.DeletedDate !== undefined) throw nameScheduledForDeletion();
    // A retry of the same CreateSecret (same token, same value) succeeds and changes nothing.
    const version = token && value ? versionById(existing, token) : undefined;
    if (version && value) {
      if (!sameValue(openValue(ctx, existing, version), value)) throw tokenInUse(version.VersionId, existing.ARN);
      return { ...arnAndName(existing), VersionId: version.VersionId };
    }
    throw secretExists(name);
  }
  if (value && !token) throw missingToken();
  const now = ctx.clock.now();
  const secret: SecretRecord = {
    ARN: newSecretArn(ctx, name),
    Name: name,
    Description: description,
    KmsKeyId: kmsKeyId || undefined,
    Tags: tags ? mergeTags(tags) : undefined,
    CreatedDate: now,
    LastChangedDate: now,
    versions: [],
  };
  // Encrypt before the secret exists, so a KMS failure leaves nothing behind.
  if (value && token) putNewVersion(ctx, secret, token, value, [AWSCURRENT]);
  storeSecret(state, secret);
  const added = replicas ? addReplicas(ctx, secret, replicas, force) : [];
  return {
    ...arnAndName(secret),
    VersionId: token && value ? token : undefined,
    ReplicationStatus: replicas ? replicationStatus(ctx, secret, added) : undefined,
  };
}

export function describeSecret(ctx: OperationContext, input: Input) {
  // DescribeSecret still answers for a secret scheduled for deletion (with its DeletedDate).
  return describeShape(ctx, requireSecret(ctx, secretId(input), { allowDeleted: true, authorize: 'DescribeSecret' }));
}

/**
 * UpdateSecret: a new value becomes a new AWSCURRENT version; Description and KmsKeyId change the
 * secret's metadata. A new KmsKeyId ("" = the AWS managed key) re-encrypts the versions that carry
 * AWSCURRENT, AWSPENDING or AWSPREVIOUS. All checks and encryption happen before any change.
 */
export function updateSecret(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const token = clientRequestToken(input);
  const description = optString(input, 'Description', { max: 2048 });
  const kmsKeyId = optString(input, 'KmsKeyId', { max: 2048 });
  const value = secretValue(input);
  const secret = requireSecret(ctx, id, { authorize: 'UpdateSecret' });
  if (value && !token) throw missingToken();
  const clash = value && token ? versionById(secret, token) : undefined;
  if (clash && value && !sameValue(openValue(ctx, secret, clash), value)) throw tokenInUse(clash.VersionId, secret.ARN);
  const now = ctx.clock.now();
  if (kmsKeyId !== undefined && (kmsKeyId || undefined) !== secret.KmsKeyId) {
    const rekeyed: SecretRecord = { ...secret, KmsKeyId: kmsKeyId || undefined };
    const labelled = secret.versions.filter((v) => !isDeprecated(v) && !v.empty);
    const sealed = labelled.map((v) => sealValue(ctx, rekeyed, v.VersionId, openValue(ctx, secret, v)));
    labelled.forEach((v, i) => {
      Object.assign(v, sealed[i]);
    });
    secret.KmsKeyId = rekeyed.KmsKeyId;
    touchSecret(secret, 'LastChangedDate', now);
  }
  let versionId: string | undefined;
  if (value && token) {
    // A retry (same token, same value) changes nothing and answers the version it created.
    versionId = putNewVersion(ctx, secret, token, value, [AWSCURRENT]).version.VersionId;
  }
  if (description !== undefined) {
    secret.Description = description;
    touchSecret(secret, 'LastChangedDate', now);
  }
  return { ...arnAndName(secret), VersionId: versionId };
}

/**
 * DeleteSecret, in every combination AWS answers:
 * - RecoveryWindowInDays and ForceDeleteWithoutRecovery together: InvalidParameterException, before
 *   anything is looked up (so also for a name that does not exist); a window outside 7–30 days too;
 * - neither: a 30-day window; a window: that many days; DeletionDate = now + window;
 * - a secret already scheduled for deletion: InvalidRequestException without force; with force it is
 *   removed at once;
 * - a name that does not exist: ResourceNotFoundException without force; with force AWS answers as
 *   if it had deleted it (Name, an ARN, DeletionDate now);
 * - a replica, or a primary that still has replicas: InvalidParameterException, force or not (moto's
 *   test_delete_while_duplication_exist and test_update_replica record AWS's wording).
 */
export function deleteSecret(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const window = optInt(input, 'RecoveryWindowInDays');
  const force = optBool(input, 'ForceDeleteWithoutRecovery') ?? false;
  if (window !== undefined && force) {
    throw invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  }
  if (window !== undefined && (window < 7 || window > 30)) {
    throw invalidParameter('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
  }
  const state = smState(ctx);
  const secret = findSecret(ctx, state, id);
  authorizeSecret(ctx, 'DeleteSecret', id, secret);
  if (secret?.PrimaryRegion) throw replicaReadOnly();
  if (secret?.Replicas) {
    const regions = secret.Replicas.map((r) => r.Region).join(',');
    throw invalidParameter(`You can't delete secret ${secret.ARN} that still has replica regions [${regions}]`);
  }
  const now = ctx.clock.now();
  if (!secret) {
    if (!force) throw secretNotFound();
    // AWS answers as if the secret had existed and was deleted (recorded against AWS: LocalStack's
    // test_delete_non_existent_secret_returns_as_if_secret_exists): a Name, an ARN and the date.
    const arn = id.startsWith('arn:') ? id : newSecretArn(ctx, id);
    const name = id.startsWith('arn:') ? (id.match(/:secret:(.+?)(?:-[A-Za-z0-9]{6})?$/)?.[1] ?? id) : id;
    return { ARN: arn, Name: name, DeletionDate: seconds(now) };
  }
  if (force) {
    removeSecret(state, secret.Name);
    return { ...arnAndName(secret), DeletionDate: seconds(now) };
  }
  if (secret.DeletedDate !== undefined) throw alreadyMarkedDeleted();
  secret.DeletedDate = now;
  secret.DeletionDate = now + (window ?? 30) * DAY_MS;
  scheduleRemoval(state, secret.DeletionDate);
  secretDueChanged(ctx, secret.Name);
  touchSecret(secret, 'LastChangedDate', now);
  return { ...arnAndName(secret), DeletionDate: seconds(secret.DeletionDate) };
}

/** RestoreSecret cancels a scheduled deletion; on a secret that is not deleted it changes nothing. */
export function restoreSecret(ctx: OperationContext, input: Input) {
  const secret = requireSecret(ctx, secretId(input), { allowDeleted: true, authorize: 'RestoreSecret' });
  if (secret.DeletedDate !== undefined) {
    secret.DeletedDate = undefined;
    secret.DeletionDate = undefined;
    secretDueChanged(ctx, secret.Name); // its scheduled rotation counts again
    touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  }
  return arnAndName(secret);
}
