import { AwsError } from '../core/errors';
import type { OperationContext } from '../core/service';
import { authorizeKey } from '../kms/authorize';
import type { KmsKey } from '../kms/state';
import { actionName, missingSecretArn, secretKeys, secretPolicyOptions } from '../policy';
import type { SecretRecord } from './state';

/** What a request asks of a secret, for `secretsmanager:VersionStage` / `secretsmanager:VersionId`. */
export interface SecretRequest {
  versionStage?: string;
  versionId?: string;
}

/**
 * `secretsmanager:<Operation>` on a secret, with its tags and its resource policy taking part (in the
 * same account a resource-policy Allow is enough; a Deny in either kind wins). Authorization comes
 * before existence: for a SecretId that names nothing, AWS evaluates `secret:<id>` and its message
 * names the SecretId as given, so a caller without access learns nothing about the secret.
 */
export function authorizeSecret(
  ctx: OperationContext,
  operation: string,
  id: string,
  secret: SecretRecord | undefined,
  request: SecretRequest = {},
): void {
  const action = actionName('secretsmanager', operation);
  if (secret) {
    // Built only when there is a principal to evaluate (see AuthorizeFn), the condition keys only
    // when a statement reads them. Anonymous functions: tsx names a named closure on every call.
    ctx.authorize(
      action,
      secret.ARN,
      () => secretKeys(secret, request),
      () => secretPolicyOptions(secret),
    );
    return;
  }
  ctx.authorize(
    action,
    missingSecretArn(id, ctx.region, ctx.accountId),
    { 'secretsmanager:SecretId': id },
    { messageResource: id },
  );
}

/** Actions without a resource (ListSecrets, GetRandomPassword, BatchGetSecretValue) are authorized on "*". */
export function authorizeAccountWide(ctx: OperationContext, operation: string): void {
  ctx.authorize(actionName('secretsmanager', operation), '*');
}

/**
 * Secrets Manager calls KMS as the caller (`kms:ViaService` = `secretsmanager.<region>.amazonaws.com`,
 * with the SecretARN / SecretVersionId encryption context): kms:GenerateDataKey to protect a new value,
 * kms:Decrypt to read one. The `aws/secretsmanager` key policy allows that for everyone in the account;
 * under a customer managed key the caller's IAM policies must. A refusal reaches the caller as
 * Secrets Manager words it: AccessDeniedException "Access to KMS is not allowed".
 */
export function authorizeKmsForSecret(
  ctx: OperationContext,
  operation: 'Decrypt' | 'GenerateDataKey',
  key: KmsKey | undefined,
  encryptionContext: Record<string, string>,
): void {
  if (!key) return; // a missing key fails in KMS itself, with its own error
  try {
    authorizeKey(ctx, operation, key, { encryptionContext, viaService: 'secretsmanager' });
  } catch (e) {
    if (e instanceof AwsError && e.type === 'AccessDeniedException') {
      throw new AwsError('AccessDeniedException', 'Access to KMS is not allowed');
    }
    throw e;
  }
}
