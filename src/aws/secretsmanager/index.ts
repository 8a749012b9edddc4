import type { ServiceDefinition } from '../core/service';
import { createSecret, deleteSecret, describeSecret, restoreSecret, updateSecret } from './operations/lifecycle';
import { listSecrets } from './operations/listSecrets';
import {
  deleteResourcePolicy,
  getResourcePolicy,
  putResourcePolicy,
  validateResourcePolicy,
} from './operations/policies';
import { getRandomPassword } from './operations/randomPassword';
import { cancelRotateSecret, rotateSecret } from './operations/rotation';
import { tagResource, untagResource } from './operations/tags';
import { batchGetSecretValue, getSecretValue, putSecretValue } from './operations/values';
import { listSecretVersionIds, updateSecretVersionStage } from './operations/versions';
import { initialSecretsManagerState, type SecretsManagerState } from './state';

/** AWS Secrets Manager (JSON 1.1, target prefix `secretsmanager`). See README.md. */
export const secretsManager: ServiceDefinition<SecretsManagerState> = {
  name: 'secretsmanager',
  protocol: 'json',
  targetPrefix: 'secretsmanager',
  initialState: initialSecretsManagerState,
  operations: {
    BatchGetSecretValue: batchGetSecretValue,
    CancelRotateSecret: cancelRotateSecret,
    CreateSecret: createSecret,
    DeleteResourcePolicy: deleteResourcePolicy,
    DeleteSecret: deleteSecret,
    DescribeSecret: describeSecret,
    GetRandomPassword: getRandomPassword,
    GetResourcePolicy: getResourcePolicy,
    GetSecretValue: getSecretValue,
    ListSecrets: listSecrets,
    ListSecretVersionIds: listSecretVersionIds,
    PutResourcePolicy: putResourcePolicy,
    PutSecretValue: putSecretValue,
    RestoreSecret: restoreSecret,
    RotateSecret: rotateSecret,
    TagResource: tagResource,
    UntagResource: untagResource,
    UpdateSecret: updateSecret,
    UpdateSecretVersionStage: updateSecretVersionStage,
    ValidateResourcePolicy: validateResourcePolicy,
  },
};

export { findSecret, requireSecret } from './arn';
export { readSecretValue } from './operations/values';
