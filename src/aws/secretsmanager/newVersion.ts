import type { OperationContext } from '../core/service';
import { tokenInUse } from './errors';
import { fillPendingVersion } from './pendingVersion';
import { addVersion, versionById } from './stages';
import type { SecretRecord, SecretVersion } from './state';
import { touchSecret } from './state';
import type { SecretValue } from './validate';
import { openValue, sameValue, sealValue } from './values';

/**
 * Stores a value as a new version whose VersionId is the ClientRequestToken, as CreateSecret,
 * PutSecretValue and UpdateSecret do. The token makes the call idempotent:
 * - a token no version has → a new version carrying `stages`;
 * - a token naming a version with the same data → nothing changes (a retry), `created: false`;
 * - a token naming a version with other data → ResourceExistsException ("You can't use
 *   ClientRequestToken … because that value is already in use"): versions are immutable;
 * - a token naming a rotation's empty AWSPENDING placeholder → the value fills it (createSecret).
 */
export function putNewVersion(
  ctx: OperationContext,
  secret: SecretRecord,
  token: string,
  value: SecretValue,
  stages: string[],
): { version: SecretVersion; created: boolean } {
  const existing = versionById(secret, token);
  if (existing?.empty) return { version: fillPendingVersion(ctx, secret, existing, value, stages), created: true };
  if (existing) {
    if (sameValue(openValue(ctx, secret, existing), value)) return { version: existing, created: false };
    throw tokenInUse(token, secret.ARN);
  }
  const now = ctx.clock.now();
  const sealed = sealValue(ctx, secret, token, value);
  const version = addVersion(ctx, secret, { VersionId: token, CreatedDate: now, ...sealed }, stages);
  touchSecret(secret, 'LastChangedDate', now);
  return { version, created: true };
}
