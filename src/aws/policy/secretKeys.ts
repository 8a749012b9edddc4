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
  return { context: secretKeys(secret, request), options: secretPolicyOptions(secret) };
}

/** The condition keys of a request on a secret (see secretAuthorization). */
export function secretKeys(
  secret: SecretForAuthorization,
  request: { versionStage?: string; versionId?: string } = {},
): RequestContext {
  const context = resourceTagKeys(secret.Tags, 'secretsmanager');
  context['secretsmanager:SecretId'] = secret.ARN;
  if (request.versionStage !== undefined) context['secretsmanager:VersionStage'] = request.versionStage;
  if (request.versionId !== undefined) context['secretsmanager:VersionId'] = request.versionId;
  return context;
}

/** The secret's resource policy, when it has one, as the authorizer takes it (see secretAuthorization). */
export function secretPolicyOptions(secret: SecretForAuthorization): AuthorizeOptions {
  return secret.ResourcePolicy
    ? { resourcePolicy: { name: `resource policy of secret ${secret.Name}`, document: secret.ResourcePolicy } }
    : {};
}

/**
 * The ARN evaluated for a SecretId that names no secret: AWS still authorizes before it answers
 * ResourceNotFoundException, against `arn:...:secret:<name>` (no random suffix), and its message
 * names the SecretId as given.
 */
export function missingSecretArn(secretId: string, region: string, accountId: string): string {
  return secretId.startsWith('arn:') ? secretId : `arn:aws:secretsmanager:${region}:${accountId}:secret:${secretId}`;
}
