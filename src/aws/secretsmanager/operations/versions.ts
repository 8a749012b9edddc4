import { paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { kmsState } from '../../kms/state';
import { requireSecret } from '../arn';
import { invalidNextToken, invalidParameter } from '../errors';
import { arnAndName, seconds } from '../responses';
import {
  AWSCURRENT,
  isDeprecated,
  moveStage,
  pruneDeprecated,
  removeStage,
  versionById,
  versionByStage,
} from '../stages';
import type { SecretRecord, SecretVersion } from '../state';
import { touchSecret } from '../state';
import { type Input, optBool, optInt, optString, reqString, secretId } from '../validate';

/** A version's KmsKeyIds entry: AWS reports the AWS managed key as "DefaultEncryptionKey". */
function kmsKeyIds(ctx: OperationContext, version: SecretVersion): string[] {
  const managed = kmsState(ctx).aliases['alias/aws/secretsmanager']?.TargetKeyId;
  return [
    version.KmsKeyId === managed
      ? 'DefaultEncryptionKey'
      : `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${version.KmsKeyId}`,
  ];
}

/** ListSecretVersionIds: versions in creation order; deprecated ones only with IncludeDeprecated. */
export function listSecretVersionIds(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const maxResults = optInt(input, 'MaxResults', { min: 1, max: 100 }) ?? 100;
  const nextToken = optString(input, 'NextToken', { min: 1, max: 4096 });
  const includeDeprecated = optBool(input, 'IncludeDeprecated') ?? false;
  const secret = requireSecret(ctx, id, { authorize: 'ListSecretVersionIds' });
  const versions = secret.versions.filter((v) => includeDeprecated || !isDeprecated(v));
  const { items: page, next: NextToken } = paginate(versions, {
    limit: maxResults,
    token: nextToken,
    scope: `ListSecretVersionIds:${secret.ARN}`,
    invalid: invalidNextToken,
  });
  return {
    Versions: page.map((v) => ({
      VersionId: v.VersionId,
      VersionStages: v.VersionStages.length ? [...v.VersionStages] : undefined,
      LastAccessedDate: seconds(v.LastAccessedDate),
      CreatedDate: seconds(v.CreatedDate),
      KmsKeyIds: kmsKeyIds(ctx, v),
    })),
    NextToken,
    ...arnAndName(secret),
  };
}

function requireVersion(secret: SecretRecord, versionId: string): SecretVersion {
  const version = versionById(secret, versionId);
  if (!version) throw invalidParameter(`Not a valid version: ${versionId}`);
  return version;
}

/**
 * UpdateSecretVersionStage: moves a label to MoveToVersionId and/or removes it from
 * RemoveFromVersionId. A label attached elsewhere can only move when RemoveFromVersionId names
 * that version; AWSCURRENT can never be removed without being moved. Moving AWSCURRENT hands
 * AWSPREVIOUS to the version it left (stages.ts).
 */
export function updateSecretVersionStage(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const stage = reqString(input, 'VersionStage', { min: 1, max: 256 });
  const removeFrom = optString(input, 'RemoveFromVersionId', { min: 32, max: 64 });
  const moveTo = optString(input, 'MoveToVersionId', { min: 32, max: 64 });
  const secret = requireSecret(ctx, id, { authorize: 'UpdateSecretVersionStage', request: { versionStage: stage } });
  if (removeFrom !== undefined && !requireVersion(secret, removeFrom).VersionStages.includes(stage)) {
    throw invalidParameter(`The staging label ${stage} is not attached to version ${removeFrom}.`);
  }
  if (moveTo !== undefined) {
    requireVersion(secret, moveTo);
    const holder = versionByStage(secret, stage);
    if (holder && holder.VersionId !== moveTo && holder.VersionId !== removeFrom) {
      throw invalidParameter(
        `The parameter RemoveFromVersionId can't be empty. Staging label ${stage} is currently attached to version ${holder.VersionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
      );
    }
    moveStage(secret, stage, moveTo);
  } else if (removeFrom !== undefined) {
    if (stage === AWSCURRENT) {
      throw invalidParameter(
        "You can't remove the staging label AWSCURRENT from a version without moving it to another version with MoveToVersionId.",
      );
    }
    removeStage(secret, stage, removeFrom);
  }
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  pruneDeprecated(ctx, secret);
  return arnAndName(secret);
}
