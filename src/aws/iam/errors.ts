import { AwsError } from '../core/errors';

/**
 * IAM's errors as the query protocol sends them: the code, AWS's wording and HTTP status
 * (NoSuchEntity 404, EntityAlreadyExists / DeleteConflict / LimitExceeded 409, the rest 400).
 */
export type EntityKind = 'user' | 'role' | 'group';

const entityLabel: Record<EntityKind, string> = { user: 'user', role: 'role', group: 'group' };

export const iamErrors = {
  noSuchEntity: (kind: EntityKind, name: string) =>
    new AwsError('NoSuchEntity', `The ${entityLabel[kind]} with name ${name} cannot be found.`, 404),
  noSuchInlinePolicy: (kind: EntityKind, policyName: string) =>
    new AwsError('NoSuchEntity', `The ${entityLabel[kind]} policy with name ${policyName} cannot be found.`, 404),
  noSuchPolicy: (arn: string) =>
    new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404),
  noSuchPolicyVersion: (arn: string, versionId: string) =>
    new AwsError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`, 404),
  noSuchAccessKey: (id: string) => new AwsError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`, 404),
  entityExists: (kind: EntityKind, name: string) => {
    const label = kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group';
    return new AwsError('EntityAlreadyExists', `${label} with name ${name} already exists.`, 409);
  },
  policyExists: (name: string) =>
    new AwsError(
      'EntityAlreadyExists',
      `A policy called ${name} already exists. Duplicate names are not allowed.`,
      409,
    ),
  deleteConflict: (what: 'access keys' | 'policies' | 'attached policies' | 'group memberships' | 'users') => {
    const message = {
      'access keys': 'Cannot delete entity, must delete access keys first.',
      policies: 'Cannot delete entity, must delete policies first.',
      'attached policies': 'Cannot delete entity, must detach all policies first.',
      'group memberships': 'Cannot delete entity, must remove users from group first.',
      users: 'Cannot delete entity, must remove users from group first.',
    }[what];
    return new AwsError('DeleteConflict', message, 409);
  },
  policyAttached: () => new AwsError('DeleteConflict', 'Cannot delete a policy attached to entities.', 409),
  policyVersions: () =>
    new AwsError(
      'DeleteConflict',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      409,
    ),
  defaultVersion: () => new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.', 409),
  policyVersionQuota: () =>
    new AwsError(
      'LimitExceeded',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      409,
    ),
  accessKeyQuota: () => new AwsError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409),
  attachedQuota: (kind: EntityKind) => {
    const label = kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group';
    return new AwsError('LimitExceeded', `Cannot exceed quota for PoliciesPer${label}: 10`, 409);
  },
  policySize: (kind: EntityKind | 'managed', name: string, limit: number) =>
    new AwsError(
      'LimitExceeded',
      kind === 'managed'
        ? `Cannot exceed quota for PolicySize: ${limit}`
        : `Maximum policy size of ${limit} bytes exceeded for ${kind} ${name}`,
      409,
    ),
  malformed: (message: string) => new AwsError('MalformedPolicyDocument', message, 400),
  invalidInput: (message: string) => new AwsError('InvalidInput', message, 400),
  validation: (message: string) => new AwsError('ValidationError', message, 400),
};
