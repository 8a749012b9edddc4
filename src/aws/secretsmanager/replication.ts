import { toEpochSeconds } from '../core/clock';
import { own } from '../core/dict';
import { AwsError } from '../core/errors';
import type { OperationContext } from '../core/service';
import { resolveKey, usable } from '../kms/keyIds';
import { invalidParameter } from './errors';
import {
  type ReplicaStatus,
  removeSecret,
  type SecretRecord,
  type SecretVersion,
  secretDueChanged,
  smState,
  storeSecret,
  touchSecret,
} from './state';
import { DEFAULT_KMS_KEY, openValue, sealValue } from './values';

/**
 * Multi-Region secrets. A replica is a real secret in its region's state (same name, the primary's
 * ARN with the replica's region, encrypted under a key of its own region with its own ARN in the
 * encryption context), so it is read, authorized, listed and snapshotted like any other. It is
 * read-only: the operations in PRIMARY_ONLY refuse it. Every change to the primary (value, labels,
 * description, tags, resource policy, rotation settings) is copied to its replicas after the request
 * that made it (`syncReplicas`), as Secrets Manager itself (no caller policy is evaluated). A version's
 * value never changes once stored, so a sync seals only the versions a replica does not have yet.
 * A replica keeps its own CreatedDate and LastAccessedDate (ReplicationStatus shows the latter).
 * A copy that cannot be made (a name taken in the region, a missing or disabled key) leaves the
 * replica `Failed` with the reason; a failed replica is not retried.
 */

/** Refused on a replica (recorded against AWS in moto's test_update_replica; UpdateSecretVersionStage likewise). */
export const PRIMARY_ONLY = new Set([
  'UpdateSecret',
  'PutSecretValue',
  'UpdateSecretVersionStage',
  'TagResource',
  'UntagResource',
  'PutResourcePolicy',
  'GetResourcePolicy',
  'DeleteResourcePolicy',
  'DeleteSecret',
  'RotateSecret',
  'CancelRotateSecret',
  'RestoreSecret',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication',
]);

export const replicaReadOnly = () =>
  invalidParameter("Operation not permitted on a replica secret. Call must be made in primary secret's region.");

const notAReplica = () =>
  invalidParameter("Operation not permitted on a primary secret. Call must be made in replica secret's region.");

/** AWS's example StatusMessage for a region that already holds a secret of that name (ReplicationStatusType). */
const NAME_TAKEN = 'Secret with this name already exists in this region';

/** The replica's ARN: the primary's with the replica's region. */
export function replicaArn(arn: string, region: string): string {
  const parts = arn.split(':');
  parts[3] = region;
  return parts.join(':');
}

export interface ReplicaRequest {
  Region: string;
  KmsKeyId?: string;
}

/** A replica region must differ from the primary's (checked before anything changes). */
export function checkReplicaRegions(ctx: OperationContext, requests: ReplicaRequest[]): void {
  if (requests.some((r) => r.Region === ctx.region)) throw invalidParameter('Invalid replica region.');
}

/**
 * Adds replicas of `primary` (ReplicateSecretToRegions, CreateSecret's AddReplicaRegions). The first
 * copy runs as the caller: reading the primary needs kms:Decrypt on its key, and sealing the replica
 * kms:GenerateDataKey on the replica's key. A region already replicated is left as it is. Returns
 * the regions added.
 */
export function addReplicas(
  ctx: OperationContext,
  primary: SecretRecord,
  requests: ReplicaRequest[],
  force: boolean,
): string[] {
  const added: string[] = [];
  for (const request of requests) {
    if (primary.Replicas?.some((r) => r.Region === request.Region) || added.includes(request.Region)) continue;
    const entry: ReplicaStatus = {
      Region: request.Region,
      KmsKeyId: request.KmsKeyId || undefined,
      Status: 'InProgress',
    };
    primary.Replicas = [...(primary.Replicas ?? []), entry];
    copyToReplica(ctx, primary, entry, force ? 'overwrite' : 'create');
    added.push(request.Region);
  }
  return added;
}

/** Copies the primary to each replica that is not Failed, as Secrets Manager (after the request). */
export function syncReplicas(ctx: OperationContext, primary: SecretRecord): void {
  if (!primary.Replicas?.length || primary.PrimaryRegion) return;
  const service = ctx.inRegion(ctx.region, 'service');
  for (const entry of primary.Replicas) if (entry.Status !== 'Failed') copyToReplica(service, primary, entry, 'sync');
}

/** RemoveRegionsFromReplication: the replicas in those regions are deleted; other regions are ignored. */
export function removeReplicas(ctx: OperationContext, primary: SecretRecord, regions: string[]): void {
  for (const region of regions) {
    const entry = primary.Replicas?.find((r) => r.Region === region);
    if (!entry) continue;
    const state = smState(ctx.inRegion(region, 'service'));
    const replica = own(state.secrets, primary.Name);
    if (replica && isReplicaOf(replica, primary, ctx.region)) removeSecret(state, primary.Name);
    primary.Replicas = primary.Replicas?.filter((r) => r !== entry);
  }
  if (primary.Replicas?.length === 0) delete primary.Replicas;
}

/**
 * StopReplicationToReplica, called in the replica's region: the replica becomes a standalone secret
 * (same ARN, writable, never synced again) and the primary no longer lists the region.
 */
export function promoteReplica(ctx: OperationContext, replica: SecretRecord): void {
  const primaryRegion = replica.PrimaryRegion;
  if (!primaryRegion) throw notAReplica();
  const state = smState(ctx.inRegion(primaryRegion, 'service'));
  const primary = own(state.secrets, replica.Name);
  if (primary && primary.ARN === replicaArn(replica.ARN, primaryRegion)) {
    primary.Replicas = primary.Replicas?.filter((r) => r.Region !== ctx.region);
    if (primary.Replicas?.length === 0) delete primary.Replicas;
  }
  delete replica.PrimaryRegion;
  secretDueChanged(ctx, replica.Name); // a standalone secret rotates on its own schedule
  touchSecret(replica, 'LastChangedDate', ctx.clock.now());
}

/**
 * DescribeSecret / ListSecrets fields: PrimaryRegion (on a replica, its primary's region; on a
 * primary with replicas, its own) and, on a primary, ReplicationStatus with each replica's
 * LastAccessedDate. `added` regions are reported InProgress, as AWS answers the request that adds them.
 */
export function replicationFields(
  ctx: OperationContext,
  secret: SecretRecord,
  added: string[] = [],
): { PrimaryRegion?: string; ReplicationStatus?: Record<string, unknown>[] } {
  if (secret.PrimaryRegion) return { PrimaryRegion: secret.PrimaryRegion };
  if (!secret.Replicas) return {};
  return { PrimaryRegion: ctx.region, ReplicationStatus: replicationStatus(ctx, secret, added) };
}

export function replicationStatus(
  ctx: OperationContext,
  primary: SecretRecord,
  added: string[] = [],
): Record<string, unknown>[] {
  return (primary.Replicas ?? []).map((entry) => {
    if (added.includes(entry.Region)) {
      return { Region: entry.Region, KmsKeyId: entry.KmsKeyId ?? DEFAULT_KMS_KEY, Status: 'InProgress' };
    }
    const replica = own(smState(ctx.inRegion(entry.Region, 'service')).secrets, primary.Name);
    const accessed = replica && isReplicaOf(replica, primary, ctx.region) ? replica.LastAccessedDate : undefined;
    return {
      Region: entry.Region,
      KmsKeyId: entry.KmsKeyId ?? DEFAULT_KMS_KEY,
      Status: entry.Status,
      StatusMessage: entry.StatusMessage,
      LastAccessedDate: accessed === undefined ? undefined : toEpochSeconds(accessed),
    };
  });
}

/** Whether `secret` is the replica `primary` (in `primaryRegion`) made, not a secret that only shares its name. */
function isReplicaOf(secret: SecretRecord, primary: SecretRecord, primaryRegion: string): boolean {
  return secret.PrimaryRegion === primaryRegion && replicaArn(secret.ARN, primaryRegion) === primary.ARN;
}

/**
 * Writes the replica of `primary` in `entry.Region` and records the outcome in `entry`. `create`
 * fails on a name taken by another secret; `overwrite` (ForceOverwriteReplicaSecret) replaces a
 * standalone secret of that name (never a replica or a primary of other replicas); `sync` updates
 * the replica this primary made. Everything is prepared before the replica is stored, so a failure
 * leaves the region as it was.
 */
function copyToReplica(
  ctx: OperationContext,
  primary: SecretRecord,
  entry: ReplicaStatus,
  mode: 'create' | 'overwrite' | 'sync',
): void {
  const there = ctx.inRegion(entry.Region); // as ctx's caller: the requester, or the service on a sync
  const state = smState(there);
  const existing = own(state.secrets, primary.Name);
  const previous = existing && isReplicaOf(existing, primary, ctx.region) ? existing : undefined;
  const replaceable = existing && !existing.PrimaryRegion && !existing.Replicas?.length;
  if (existing && !previous && !(mode === 'overwrite' && replaceable)) {
    Object.assign(entry, { Status: 'Failed', StatusMessage: NAME_TAKEN });
    return;
  }
  try {
    storeSecret(state, buildReplica(ctx, there, primary, entry, previous));
    Object.assign(entry, { Status: 'InSync', StatusMessage: 'Replication succeeded' });
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    Object.assign(entry, { Status: 'Failed', StatusMessage: `Replication failed: ${e.message}` });
  }
}

function buildReplica(
  here: OperationContext,
  there: OperationContext,
  primary: SecretRecord,
  entry: ReplicaStatus,
  previous: SecretRecord | undefined,
): SecretRecord {
  usable(resolveKey(there, entry.KmsKeyId || DEFAULT_KMS_KEY));
  const replica: SecretRecord = {
    ...(JSON.parse(JSON.stringify({ ...primary, versions: [], Replicas: undefined })) as SecretRecord),
    ARN: replicaArn(primary.ARN, entry.Region),
    KmsKeyId: entry.KmsKeyId || undefined,
    CreatedDate: previous?.CreatedDate ?? there.clock.now(),
    LastAccessedDate: previous?.LastAccessedDate,
    PrimaryRegion: here.region,
  };
  const sameKey = previous !== undefined && previous.KmsKeyId === replica.KmsKeyId;
  replica.versions = primary.versions.map((version): SecretVersion => {
    const old = previous?.versions.find((v) => v.VersionId === version.VersionId);
    const copy: SecretVersion = {
      ...version,
      VersionStages: [...version.VersionStages],
      LastAccessedDate: old?.LastAccessedDate,
    };
    if (version.empty) return copy;
    if (old && !old.empty && sameKey)
      return { ...copy, KmsKeyId: old.KmsKeyId, kind: old.kind, ciphertext: old.ciphertext };
    return { ...copy, ...sealValue(there, replica, version.VersionId, openValue(here, primary, version)) };
  });
  return replica;
}
