import type { OperationContext } from '../../core/service';
import { requireSecret } from '../arn';
import { addReplicas, checkReplicaRegions, promoteReplica, removeReplicas, replicationStatus } from '../replication';
import { arnAndName } from '../responses';
import { constraint, type Input, optBool, regionList, replicaRegions, secretId } from '../validate';

/**
 * ReplicateSecretToRegions: copies the secret to each region (the answer reports the new regions
 * InProgress, as AWS's does; DescribeSecret then shows InSync or Failed with the reason). A region
 * holding another secret of that name fails unless ForceOverwriteReplicaSecret. Refused on a replica.
 */
export function replicateSecretToRegions(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const regions = replicaRegions(input);
  if (!regions) throw constraint('AddReplicaRegions', null, 'Member must not be null');
  const force = optBool(input, 'ForceOverwriteReplicaSecret') ?? false;
  const secret = requireSecret(ctx, id, { authorize: 'ReplicateSecretToRegions' });
  checkReplicaRegions(ctx, regions);
  const added = addReplicas(ctx, secret, regions, force);
  return { ARN: secret.ARN, ReplicationStatus: replicationStatus(ctx, secret, added) };
}

/** RemoveRegionsFromReplication: deletes the replicas in those regions; a region not replicated is ignored. */
export function removeRegionsFromReplication(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const regions = regionList(input, 'RemoveReplicaRegions');
  if (!regions) throw constraint('RemoveReplicaRegions', null, 'Member must not be null');
  const secret = requireSecret(ctx, id, { authorize: 'RemoveRegionsFromReplication' });
  removeReplicas(ctx, secret, regions);
  return { ARN: secret.ARN, ReplicationStatus: replicationStatus(ctx, secret) };
}

/** StopReplicationToReplica, in the replica's region: the replica becomes a standalone secret. */
export function stopReplicationToReplica(ctx: OperationContext, input: Input) {
  const secret = requireSecret(ctx, secretId(input), { authorize: 'StopReplicationToReplica' });
  promoteReplica(ctx, secret);
  return { ARN: arnAndName(secret).ARN };
}
