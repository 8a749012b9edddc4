import { toEpochSeconds } from '../core/clock';
import type { OperationContext } from '../core/service';
import { replicationFields } from './replication';
import { versionIdsToStages } from './stages';
import type { SecretRecord } from './state';

/**
 * Response shapes shared by several operations. AWS omits a field rather than sending null:
 * no Description, no KmsKeyId for the AWS managed key, no rotation fields before RotateSecret,
 * no Tags before any were set, no LastAccessedDate before the first read.
 */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : toEpochSeconds(ms));

/** DescribeSecret's KmsKeyId: an alias comes back as its alias ARN; a key id or ARN as given. */
function kmsKeyIdField(ctx: OperationContext, secret: SecretRecord): string | undefined {
  const id = secret.KmsKeyId;
  if (!id) return undefined;
  return id.startsWith('alias/') ? `arn:aws:kms:${ctx.region}:${ctx.accountId}:${id}` : id;
}

function common(ctx: OperationContext, secret: SecretRecord): Record<string, unknown> {
  const r = secret.rotation;
  return {
    ARN: secret.ARN,
    Name: secret.Name,
    Description: secret.Description || undefined,
    KmsKeyId: kmsKeyIdField(ctx, secret),
    RotationEnabled: r ? r.Enabled : undefined,
    RotationLambdaARN: r?.LambdaARN,
    RotationRules: r?.Rules,
    LastRotatedDate: seconds(r?.LastRotatedDate),
    LastChangedDate: seconds(secret.LastChangedDate),
    LastAccessedDate: seconds(secret.LastAccessedDate),
    DeletedDate: seconds(secret.DeletedDate),
    NextRotationDate: r?.Enabled ? seconds(r.NextRotationDate) : undefined,
    Tags: secret.Tags?.map((t) => ({ ...t })),
    CreatedDate: seconds(secret.CreatedDate),
    ...replicationFields(ctx, secret),
  };
}

export function describeShape(ctx: OperationContext, secret: SecretRecord): Record<string, unknown> {
  return { ...common(ctx, secret), VersionIdsToStages: versionIdsToStages(secret) };
}

export function listEntryShape(ctx: OperationContext, secret: SecretRecord): Record<string, unknown> {
  return { ...common(ctx, secret), SecretVersionsToStages: versionIdsToStages(secret) };
}

export function arnAndName(secret: SecretRecord): { ARN: string; Name: string } {
  return { ARN: secret.ARN, Name: secret.Name };
}

export { seconds };
