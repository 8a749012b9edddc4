import type { ServiceDefinition } from '../core/service';
import { createAlias, deleteAlias, listAliases, updateAlias } from './operations/aliases';
import { decrypt, encrypt, generateDataKey, generateDataKeyWithoutPlaintext } from './operations/encryption';
import { createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant } from './operations/grants';
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './operations/keyPolicies';
import {
  cancelKeyDeletion,
  createKey,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  scheduleKeyDeletion,
} from './operations/keys';
import { generateRandom, reEncrypt } from './operations/reEncrypt';
import {
  disableKeyRotation,
  enableKeyRotation,
  getKeyRotationStatus,
  listKeyRotations,
  rotateKeyOnDemand,
} from './operations/rotation';
import { getPublicKey, sign, verify } from './operations/signing';
import { listResourceTags, tagResource, untagResource } from './operations/tags';
import { initialKmsState } from './state';
/** AWS KMS (JSON 1.1, target prefix `TrentService`): symmetric and signing keys, aliases, encryption and data keys, signatures, key policies, grants, rotation. */
export const kms: ServiceDefinition = {
  name: 'kms',
  protocol: 'json',
  targetPrefix: 'TrentService',
  initialState: initialKmsState,
  operations: {
    CreateKey: createKey,
    DescribeKey: describeKey,
    ListKeys: listKeys,
    EnableKey: enableKey,
    DisableKey: disableKey,
    ScheduleKeyDeletion: scheduleKeyDeletion,
    CancelKeyDeletion: cancelKeyDeletion,
    CreateAlias: createAlias,
    UpdateAlias: updateAlias,
    DeleteAlias: deleteAlias,
    ListAliases: listAliases,
    Encrypt: encrypt,
    Decrypt: decrypt,
    GenerateDataKey: generateDataKey,
    GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
    ReEncrypt: reEncrypt,
    GenerateRandom: generateRandom,
    Sign: sign,
    Verify: verify,
    GetPublicKey: getPublicKey,
    GetKeyPolicy: getKeyPolicy,
    PutKeyPolicy: putKeyPolicy,
    ListKeyPolicies: listKeyPolicies,
    EnableKeyRotation: enableKeyRotation,
    DisableKeyRotation: disableKeyRotation,
    GetKeyRotationStatus: getKeyRotationStatus,
    RotateKeyOnDemand: rotateKeyOnDemand,
    ListKeyRotations: listKeyRotations,
    CreateGrant: createGrant,
    ListGrants: listGrants,
    ListRetirableGrants: listRetirableGrants,
    RetireGrant: retireGrant,
    RevokeGrant: revokeGrant,
    TagResource: tagResource,
    UntagResource: untagResource,
    ListResourceTags: listResourceTags,
  },
};
