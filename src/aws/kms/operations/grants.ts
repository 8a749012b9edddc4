import { validationError } from '../../core/errors';
import { indexPage, lowerBound } from '../../core/orderedIndex';
import type { OperationContext } from '../../core/service';
import { rootArn } from '../../iam/arns';
import { authorizeKey } from '../authorize';
import { kmsErrors } from '../errors';
import { grantsByKey, grantsByRetiring, grantsOfKey, removeGrant, storeGrant } from '../grantStore';
import {
  CONTEXT_OPERATIONS,
  GRANT_OPERATIONS,
  type GrantConstraints,
  grantIdOfToken,
  grantToken,
  type KmsGrant,
  newGrantId,
  retiringAllowance,
  UNCONSTRAINED_OK,
} from '../grants';
import { customerKey, keyByIdOrArn } from '../keyIds';
import { grantEntry } from '../responses';
import { kmsState } from '../state';
import {
  asStructure,
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
  optionalStringMap,
  requiredList,
  requiredString,
} from '../validate';

type Input = Record<string, unknown>;

/** The operations a grant may hold besides DescribeKey, CreateGrant and RetireGrant, by the key's usage. */
const USAGE_OPERATIONS = {
  ENCRYPT_DECRYPT: CONTEXT_OPERATIONS,
  SIGN_VERIFY: new Set(['Sign', 'Verify', 'GetPublicKey']),
};

const PRINCIPAL = { min: 1, max: 256, pattern: /^[\w+=,.@:/-]+$/ };
const GRANT_ID = { min: 1, max: 128 };

/** A grant id this emulator could have issued (64 hex characters); any other is InvalidGrantIdException. */
function wellFormed(grantId: string): string {
  if (!/^[0-9a-f]{64}$/.test(grantId)) throw kmsErrors.invalidGrantId(grantId);
  return grantId;
}

/** GrantTokens: at most 10, each 1–8192 characters. Grants work at once here, so they are only checked. */
function grantTokens(input: Input): void {
  const tokens = optionalList(input, 'GrantTokens') ?? [];
  if (tokens.length > 10)
    throw validationError(
      "1 validation error detected: Value at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  for (const token of tokens) requiredString({ GrantToken: token }, 'GrantToken', { min: 1, max: 8192 });
}

function constraints(input: Input): GrantConstraints | undefined {
  if (input.Constraints === undefined || input.Constraints === null) return undefined;
  const raw = asStructure(input.Constraints);
  const out: GrantConstraints = {};
  for (const field of ['EncryptionContextEquals', 'EncryptionContextSubset'] as const) {
    const pairs = optionalStringMap(raw, field);
    if (pairs === undefined || Object.keys(pairs).length === 0) continue;
    if (Object.keys(pairs).length > 8 || Object.values(pairs).some((v) => v.length > 384))
      throw validationError(`${field} takes at most 8 pairs, each value at most 384 characters.`);
    out[field] = pairs;
  }
  return out.EncryptionContextEquals || out.EncryptionContextSubset ? out : undefined;
}

const sameGrant = (a: KmsGrant, b: Omit<KmsGrant, 'GrantId' | 'CreationDate'>) =>
  JSON.stringify([a.KeyId, a.Name, a.GranteePrincipal, a.RetiringPrincipal, a.Operations, a.Constraints]) ===
  JSON.stringify([b.KeyId, b.Name, b.GranteePrincipal, b.RetiringPrincipal, b.Operations, b.Constraints]);

/**
 * CreateGrant: a grant on a customer managed key (key id or key ARN) for a grantee and a list of
 * operations, optionally constrained to an encryption context. Retried with the same Name and the
 * same parameters it answers the grant it made before (with a new token).
 */
export function createGrant(ctx: OperationContext, input: Input) {
  const GranteePrincipal = requiredString(input, 'GranteePrincipal', PRINCIPAL);
  const RetiringPrincipal = optionalString(input, 'RetiringPrincipal', PRINCIPAL);
  const Operations = requiredList(input, 'Operations').map((op) => {
    const value = requiredString({ Operation: op }, 'Operation');
    if (!(GRANT_OPERATIONS as readonly string[]).includes(value))
      throw validationError(
        `1 validation error detected: Value '[${value}]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${GRANT_OPERATIONS.join(', ')}]]`,
      );
    return value;
  });
  const Constraints = constraints(input);
  const Name = optionalString(input, 'Name', { min: 1, max: 256, pattern: /^[a-zA-Z0-9:/_-]+$/ });
  grantTokens(input);
  const dryRun = optionalBoolean(input, 'DryRun') ?? false;
  if (Operations.length === 0)
    throw validationError(
      "1 validation error detected: Value '[]' at 'operations' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  const unique = [...new Set(Operations)];
  if (Constraints && unique.some((op) => !CONTEXT_OPERATIONS.has(op) && !UNCONSTRAINED_OK.has(op)))
    throw validationError('Grant constraints apply only to operations that accept an encryption context.');
  const asked = { Operations: unique, GranteePrincipal, ...(Constraints ? { Constraints } : {}) };
  const key = customerKey(ctx, input, 'CreateGrant', {
    creating: { ...asked, ...(RetiringPrincipal ? { RetiringPrincipal } : {}) },
  });
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
  const invalid = unique.filter((op) => !UNCONSTRAINED_OK.has(op) && !USAGE_OPERATIONS[key.KeyUsage].has(op));
  if (invalid.length > 0)
    throw validationError(
      `Grant operations ${invalid.join(', ')} are not valid for a key with KeyUsage ${key.KeyUsage}.`,
    );
  if (Constraints && key.KeyUsage !== 'ENCRYPT_DECRYPT')
    throw validationError('Grant constraints apply only to operations that accept an encryption context.');
  if (dryRun) throw kmsErrors.dryRun();
  const state = kmsState(ctx);
  const fields = {
    KeyId: key.KeyId,
    ...(Name !== undefined ? { Name } : {}),
    GranteePrincipal,
    ...(RetiringPrincipal !== undefined ? { RetiringPrincipal } : {}),
    IssuingAccount: rootArn(ctx.accountId),
    Operations: unique,
    ...(Constraints ? { Constraints } : {}),
  };
  const existing =
    Name !== undefined ? grantsOfKey(state.grants, key.KeyId).find((g) => sameGrant(g, fields)) : undefined;
  const grant: KmsGrant = existing ?? { GrantId: newGrantId(ctx), CreationDate: ctx.clock.now(), ...fields };
  storeGrant(state.grants, grant);
  return { GrantToken: grantToken(ctx, grant.GrantId), GrantId: grant.GrantId };
}

/** Grants of one key (key id or key ARN; AWS managed keys too), oldest first, filtered by GrantId or GranteePrincipal. */
export function listGrants(ctx: OperationContext, input: Input) {
  const limit = optionalInteger(input, 'Limit', 1, 100) ?? 50;
  const marker = optionalString(input, 'Marker', { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
  const grantId = optionalString(input, 'GrantId', GRANT_ID);
  const grantee = optionalString(input, 'GranteePrincipal', PRINCIPAL);
  const key = keyByIdOrArn(ctx, input);
  authorizeKey(ctx, 'ListGrants', key);
  const grants = kmsState(ctx).grants;
  // The key's grants are one run of the by-key order: the walk starts there and stops past it.
  const { items, next } = indexPage(
    grants,
    () => grantsByKey(grants),
    { limit, token: marker, scope: `ListGrants:${key.KeyId}`, invalid: kmsErrors.invalidMarker },
    (g) =>
      (grantId === undefined || g.GrantId === grantId) && (grantee === undefined || g.GranteePrincipal === grantee),
    (index) => lowerBound(index, key.KeyId),
    (g) => g.KeyId !== key.KeyId,
  );
  return page(ctx, items, next);
}

/** Grants in this account and region that name RetiringPrincipal (IAM decides who may list them). */
export function listRetirableGrants(ctx: OperationContext, input: Input) {
  const limit = optionalInteger(input, 'Limit', 1, 100) ?? 50;
  const marker = optionalString(input, 'Marker', { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
  const retiring = requiredString(input, 'RetiringPrincipal', PRINCIPAL);
  ctx.authorize('kms:ListRetirableGrants', '*');
  const grants = kmsState(ctx).grants;
  const { items, next } = indexPage(
    grants,
    () => grantsByRetiring(grants),
    { limit, token: marker, scope: `ListRetirableGrants:${retiring}`, invalid: kmsErrors.invalidMarker },
    () => true,
    (index) => lowerBound(index, retiring),
    (g) => g.RetiringPrincipal !== retiring,
  );
  return page(ctx, items, next);
}

function page(ctx: OperationContext, items: KmsGrant[], next: string | undefined) {
  return {
    Grants: items.map((g) => grantEntry(ctx, g)),
    Truncated: next !== undefined,
    ...(next !== undefined ? { NextMarker: next } : {}),
  };
}

/**
 * RetireGrant, by GrantToken or by KeyId and GrantId. The grant says who may retire it: its retiring
 * principal, its grantee when it holds RetireGrant, and the account that made it (the administrator,
 * or a principal of the account its IAM policies allow kms:RetireGrant).
 */
export function retireGrant(ctx: OperationContext, input: Input) {
  const token = optionalString(input, 'GrantToken', { min: 1, max: 8192 });
  const grantId = optionalString(input, 'GrantId', GRANT_ID);
  const dryRun = optionalBoolean(input, 'DryRun') ?? false;
  const grants = kmsState(ctx).grants;
  let grant: KmsGrant | undefined;
  if (token !== undefined) {
    const id = grantIdOfToken(token);
    if (id === undefined) throw kmsErrors.invalidGrantToken();
    grant = Object.hasOwn(grants, id) ? grants[id] : undefined;
    if (!grant) throw kmsErrors.grantNotFound(id);
  } else {
    if (grantId === undefined || input.KeyId === undefined || input.KeyId === null)
      throw validationError('Either GrantToken, or KeyId and GrantId, must be specified.');
    const key = keyByIdOrArn(ctx, input);
    wellFormed(grantId);
    grant = Object.hasOwn(grants, grantId) ? grants[grantId] : undefined;
    if (!grant || grant.KeyId !== key.KeyId) throw kmsErrors.grantNotFound(grantId);
  }
  const keyArn = `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${grant.KeyId}`;
  ctx.authorize('kms:RetireGrant', keyArn, {}, { grant: retiringAllowance(grant) });
  if (dryRun) throw kmsErrors.dryRun();
  removeGrant(grants, grant.GrantId);
  return {};
}

/** RevokeGrant: a key administrator (kms:RevokeGrant in the key policy or IAM) deletes a grant at once. */
export function revokeGrant(ctx: OperationContext, input: Input) {
  const grantId = requiredString(input, 'GrantId', GRANT_ID);
  const dryRun = optionalBoolean(input, 'DryRun') ?? false;
  const key = keyByIdOrArn(ctx, input);
  authorizeKey(ctx, 'RevokeGrant', key);
  wellFormed(grantId);
  const grants = kmsState(ctx).grants;
  const grant = Object.hasOwn(grants, grantId) ? grants[grantId] : undefined;
  if (!grant || grant.KeyId !== key.KeyId) throw kmsErrors.grantNotFound(grantId);
  if (dryRun) throw kmsErrors.dryRun();
  removeGrant(grants, grantId);
  return {};
}
