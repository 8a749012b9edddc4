import type { Operation, ServiceDefinition } from '../core/service';
import { findSecret } from './arn';
import { createSecret, deleteSecret, describeSecret, restoreSecret, updateSecret } from './operations/lifecycle';
import { listSecrets } from './operations/listSecrets';
import {
  deleteResourcePolicy,
  getResourcePolicy,
  putResourcePolicy,
  validateResourcePolicy,
} from './operations/policies';
import { getRandomPassword } from './operations/randomPassword';
import {
  removeRegionsFromReplication,
  replicateSecretToRegions,
  stopReplicationToReplica,
} from './operations/replication';
import { cancelRotateSecret, rotateSecret } from './operations/rotation';
import { tagResource, untagResource } from './operations/tags';
import { batchGetSecretValue, getSecretValue, putSecretValue } from './operations/values';
import { listSecretVersionIds, updateSecretVersionStage } from './operations/versions';
import { syncReplicas } from './replication';
import { initialSecretsManagerState, type SecretsManagerState, smState } from './state';

/**
 * A write to a secret, followed by the copy of the change to the secret's replicas (a no-op for a
 * secret without replicas). The operations are synchronous, so the copy follows the change at once.
 * CreateSecret and ReplicateSecretToRegions make their replicas themselves.
 */
function replicated(operation: Operation): Operation {
  return (ctx, input) => {
    const output = operation(ctx, input);
    const secret = typeof input.SecretId === 'string' ? findSecret(ctx, smState(ctx), input.SecretId) : undefined;
    if (secret) syncReplicas(ctx, secret);
    return output;
  };
}

/** AWS Secrets Manager (JSON 1.1, target prefix `secretsmanager`). See README.md. */
export const secretsManager: ServiceDefinition<SecretsManagerState> = {
  name: 'secretsmanager',
  protocol: 'json',
  targetPrefix: 'secretsmanager',
  initialState: initialSecretsManagerState,
  operations: {
    BatchGetSecretValue: batchGetSecretValue,
    CancelRotateSecret: replicated(cancelRotateSecret),
    CreateSecret: createSecret,
    DeleteResourcePolicy: replicated(deleteResourcePolicy),
    DeleteSecret: deleteSecret,
    DescribeSecret: describeSecret,
    GetRandomPassword: getRandomPassword,
    GetResourcePolicy: getResourcePolicy,
    GetSecretValue: getSecretValue,
    ListSecrets: listSecrets,
    ListSecretVersionIds: listSecretVersionIds,
    PutResourcePolicy: replicated(putResourcePolicy),
    PutSecretValue: replicated(putSecretValue),
    RemoveRegionsFromReplication: removeRegionsFromReplication,
    ReplicateSecretToRegions: replicateSecretToRegions,
    RestoreSecret: replicated(restoreSecret),
    RotateSecret: replicated(rotateSecret),
    StopReplicationToReplica: stopReplicationToReplica,
    TagResource: replicated(tagResource),
    UntagResource: replicated(untagResource),
    UpdateSecret: replicated(updateSecret),
    UpdateSecretVersionStage: replicated(updateSecretVersionStage),
    ValidateResourcePolicy: validateResourcePolicy,
  },
};

export { findSecret, requireSecret } from './arn';
export { readSecretValue } from './operations/values';
export { syncReplicas } from './replication';
