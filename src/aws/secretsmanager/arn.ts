import { randomChars } from '../core/random';
import type { OperationContext } from '../core/service';
import { authorizeSecret, type SecretRequest } from './authorize';
import { markedForDeletion, secretNotFound } from './errors';
import { PRIMARY_ONLY, replicaReadOnly } from './replication';
import { type SecretRecord, type SecretsManagerState, smState } from './state';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random letters and digits>`. */
export function newSecretArn(ctx: OperationContext, name: string): string {
  return `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${name}-${randomChars(ctx.random, 6, SUFFIX_ALPHABET)}`;
}

const ARN_PREFIX = /^arn:aws:secretsmanager:([^:]+):(\d{12}):secret:(.+)$/;

/**
 * Finds a secret by name, full ARN or partial ARN (an ARN without the `-xxxxxx` suffix), the three
 * forms every `SecretId` accepts. An ARN for another region or account names nothing here.
 * A full ARN must match exactly: the suffix of a deleted-and-recreated secret differs.
 */
export function findSecret(ctx: OperationContext, state: SecretsManagerState, id: string): SecretRecord | undefined {
  const byName = Object.hasOwn(state.secrets, id) ? state.secrets[id] : undefined;
  if (byName) return byName;
  const m = id.match(ARN_PREFIX);
  if (!m || m[1] !== ctx.region || m[2] !== ctx.accountId) return undefined;
  const rest = m[3] ?? '';
  for (const secret of Object.values(state.secrets)) if (secret.ARN === id) return secret;
  // Partial ARN: the name itself. (A name ending in a hyphen and six characters makes this
  // ambiguous, which is why AWS advises against such names.)
  return Object.hasOwn(state.secrets, rest) ? state.secrets[rest] : undefined;
}

/**
 * The secret a request names, or ResourceNotFoundException. Unless `allowDeleted`, a secret
 * scheduled for deletion is an InvalidRequestException: its details and value are not accessible
 * until RestoreSecret. With `authorize` (the operation name), the caller is authorized first, and
 * an operation that only a primary takes (replication.ts PRIMARY_ONLY) refuses a replica.
 */
export function requireSecret(
  ctx: OperationContext,
  id: string,
  options: { allowDeleted?: boolean; authorize?: string; request?: SecretRequest } = {},
): SecretRecord {
  const secret = findSecret(ctx, smState(ctx), id);
  if (options.authorize) authorizeSecret(ctx, options.authorize, id, secret, options.request);
  if (!secret) throw secretNotFound();
  if (secret.PrimaryRegion && options.authorize && PRIMARY_ONLY.has(options.authorize)) throw replicaReadOnly();
  if (!options.allowDeleted && secret.DeletedDate !== undefined) throw markedForDeletion();
  return secret;
}
