import type { AuthorizeOptions } from './authorizer';
import { resourceTagKeys } from './conditionKeys';
import type { RequestContext } from './types';

/** The parts of a secret that authorization reads (plain data: no dependency on the Secrets Manager model). */
export interface SecretForAuthorization {
  ARN: string;
  Name: string;
  Tags?: readonly { Key: string; Value: string }[];
  /** The resource policy PutResourcePolicy stored, as JSON text. */
  ResourcePolicy?: string;
}

/**
 * The condition keys and the resource policy of a request on a secret: `aws:ResourceTag/<key>` and
 * `secretsmanager:ResourceTag/<key>`, `secretsmanager:SecretId` (the secret's ARN),
 * `secretsmanager:VersionStage` / `secretsmanager:VersionId` when the request names them. The
 * secret's resource policy takes part in the decision (same account: its Allow suffices).
 */
export function secretAuthorization(
  secret: SecretForAuthorization,
  request: { versionStage?: string; versionId?: string } = {},
): { context: RequestContext; options: AuthorizeOptions } {
  const context: RequestContext = {
    ...resourceTagKeys(secret.Tags, 'secretsmanager'),
    'secretsmanager:SecretId': secret.ARN,
    ...(request.versionStage !== undefined ? { 'secretsmanager:VersionStage': request.versionStage } : {}),
    ...(request.versionId !== undefined ? { 'secretsmanager:VersionId': request.versionId } : {}),
  };
  const options: AuthorizeOptions = secret.ResourcePolicy
    ? { resourcePolicy: { name: `resource policy of secret ${secret.Name}`, document: secret.ResourcePolicy } }
    : {};
  return { context, options };
}

/**
 * The ARN evaluated for a SecretId that names no secret: AWS still authorizes before it answers
 * ResourceNotFoundException, against `arn:...:secret:<name>` (no random suffix), and its message
 * names the SecretId as given.
 */
export function missingSecretArn(secretId: string, region: string, accountId: string): string {
  return secretId.startsWith('arn:') ? secretId : `arn:aws:secretsmanager:${region}:${accountId}:secret:${secretId}`;
}
