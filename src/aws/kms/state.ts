import { toBase64 } from '../core/base64';
import { type Dict, dict, own } from '../core/dict';
import { indexInsert, indexRemove } from '../core/orderedIndex';
import { randomBytes, randomUuid } from '../core/random';
import type { OperationContext } from '../core/service';
import { grantsOfKey, removeGrant } from './grantStore';
import type { KmsGrant } from './grants';
import type { AsymmetricSpec } from './keySpecs';

/** KMS state of one account and region: plain JSON (see ServiceDefinition). */
export interface KmsKey {
  KeyId: string;
  Arn: string;
  Description: string;
  /** Enabled | Disabled | PendingDeletion (the states this emulator models). */
  KeyState: 'Enabled' | 'Disabled' | 'PendingDeletion';
  KeyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY';
  KeySpec: 'SYMMETRIC_DEFAULT' | AsymmetricSpec;
  KeyManager: 'AWS' | 'CUSTOMER';
  Origin: 'AWS_KMS';
  CreationDate: number;
  /** Set while PendingDeletion: when the key is deleted (epoch ms) and the window it was given. */
  DeletionDate?: number;
  PendingDeletionWindowInDays?: number;
  Tags: { TagKey: string; TagValue: string }[];
  /** The key policy CreateKey or PutKeyPolicy set (JSON text); absent: the default key policy. */
  Policy?: string;
  /** The key's current 256-bit secret, base64 ('' for an asymmetric key). Never leaves the emulator through an API. */
  material: string;
  /** An asymmetric key's pair (asymmetric.ts): PKCS#8 and SPKI DER, base64. The private key never leaves. */
  privateKey?: string;
  publicKey?: string;
  /** Earlier materials, oldest first (rotations): version n of a ciphertext is previousMaterials[n]. */
  previousMaterials?: string[];
  /** Automatic rotation: on when set (90–2560 days); the next rotation, epoch ms. */
  RotationPeriodInDays?: number;
  NextRotationDate?: number;
  /** Completed rotations (ListKeyRotations). */
  Rotations?: { RotationDate: number; RotationType: 'AUTOMATIC' | 'ON_DEMAND' }[];
}

export interface KmsAlias {
  AliasName: string;
  AliasArn: string;
  TargetKeyId: string;
  CreationDate: number;
  LastUpdatedDate: number;
}

export interface KmsState {
  keys: Dict<KmsKey>;
  /** By alias name, e.g. `alias/aws/ssm`. */
  aliases: Dict<KmsAlias>;
  /** By grant id (grants.ts); absent in state saved before grants existed. */
  grants: Dict<KmsGrant>;
}

export const AWS_MANAGED_ALIASES = ['alias/aws/ssm', 'alias/aws/secretsmanager'] as const;

/**
 * The KMS state of the request's account and region, brought up to the clock first: AWS managed
 * keys exist, keys whose deletion window ended are gone, due automatic rotations have happened.
 * Those sweeps look at every key, so they run only when something may be due: the earliest
 * DeletionDate / NextRotationDate is remembered per keys map (`nextKeyEvent`), and every write of
 * either date goes through `scheduleDeletion` / `scheduleRotation`, which lower it. A state loaded
 * from a snapshot is a new map, unknown here, so its first request sweeps.
 */
export function kmsState(ctx: OperationContext): KmsState {
  const state = ctx.state<KmsState>('kms');
  state.grants ??= dict();
  ensureAwsManagedKeys(ctx, state);
  const now = ctx.clock.now();
  if ((nextKeyEvent.get(state.keys) ?? Number.NEGATIVE_INFINITY) > now) return state;
  purgeDeletedKeys(now, state);
  rotateDueKeys(ctx, state, now);
  let next = Number.POSITIVE_INFINITY;
  for (const key of Object.values(state.keys)) {
    if (key.KeyState === 'PendingDeletion' && key.DeletionDate !== undefined) next = Math.min(next, key.DeletionDate);
    if (key.NextRotationDate !== undefined && key.RotationPeriodInDays !== undefined)
      next = Math.min(next, key.NextRotationDate);
  }
  nextKeyEvent.set(state.keys, next);
  return state;
}

/** By keys map: no key is due for deletion or rotation before this time (absent: not known yet). */
const nextKeyEvent = new WeakMap<object, number>();

function lowerNextKeyEvent(ctx: OperationContext, when: number): void {
  const keys = ctx.state<KmsState>('kms').keys;
  const known = nextKeyEvent.get(keys);
  if (known !== undefined && when < known) nextKeyEvent.set(keys, when);
}

/** ScheduleKeyDeletion: the key is PendingDeletion until `when`, then kmsState deletes it. */
export function scheduleDeletion(ctx: OperationContext, key: KmsKey, when: number, days: number): void {
  key.KeyState = 'PendingDeletion';
  key.DeletionDate = when;
  key.PendingDeletionWindowInDays = days;
  lowerNextKeyEvent(ctx, when);
}

/** EnableKeyRotation: the key rotates every `days` days, the first time at `when`. */
export function scheduleRotation(ctx: OperationContext, key: KmsKey, when: number, days: number): void {
  key.RotationPeriodInDays = days;
  key.NextRotationDate = when;
  lowerNextKeyEvent(ctx, when);
}

/**
 * A key whose waiting period (ScheduleKeyDeletion) has ended is gone for good, with its aliases:
 * what it encrypted can never be decrypted again. Checked lazily against the simulated clock.
 */
function purgeDeletedKeys(now: number, state: KmsState): void {
  for (const key of Object.values(state.keys)) {
    if (key.KeyState !== 'PendingDeletion' || key.DeletionDate === undefined || key.DeletionDate > now) continue;
    removeKey(state, key.KeyId);
    for (const alias of Object.values(state.aliases)) {
      if (alias.TargetKeyId === key.KeyId) removeAlias(state, alias.AliasName);
    }
    for (const grant of grantsOfKey(state.grants, key.KeyId)) removeGrant(state.grants, grant.GrantId);
  }
}

export function initialKmsState(): KmsState {
  return { keys: dict(), aliases: dict(), grants: dict() };
}

/** AWS creates `aws/ssm` and `aws/secretsmanager` in every account and region; so do we, on first use. */
function ensureAwsManagedKeys(ctx: OperationContext, state: KmsState): void {
  for (const alias of AWS_MANAGED_ALIASES) {
    if (own(state.aliases, alias)) continue;
    const key = createKeyRecord(ctx, state, {
      description: `Default key that protects my ${alias === 'alias/aws/ssm' ? 'SSM parameters' : 'Secrets Manager secrets'} when no other key is defined`,
      manager: 'AWS',
    });
    storeAlias(state, aliasRecord(ctx, alias, key.KeyId));
  }
}

export function createKeyRecord(
  ctx: OperationContext,
  state: KmsState,
  options: {
    description?: string;
    manager?: 'AWS' | 'CUSTOMER';
    tags?: KmsKey['Tags'];
    /** An asymmetric signing key: its spec and its key pair. */
    signing?: { spec: AsymmetricSpec; privateKey: string; publicKey: string };
  } = {},
): KmsKey {
  const KeyId = randomUuid(ctx.random);
  const key: KmsKey = {
    KeyId,
    Arn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${KeyId}`,
    Description: options.description ?? '',
    KeyState: 'Enabled',
    KeyUsage: options.signing ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT',
    KeySpec: options.signing?.spec ?? 'SYMMETRIC_DEFAULT',
    KeyManager: options.manager ?? 'CUSTOMER',
    Origin: 'AWS_KMS',
    CreationDate: ctx.clock.now(),
    Tags: options.tags ?? [],
    material: options.signing ? '' : toBase64(randomBytes(ctx.random, 32)),
    ...(options.signing ? { privateKey: options.signing.privateKey, publicKey: options.signing.publicKey } : {}),
  };
  state.keys[KeyId] = key;
  indexInsert(state.keys, KeyId);
  return key;
}

/**
 * Keys and aliases enter and leave their maps only through createKeyRecord / removeKey and
 * storeAlias / removeAlias, which keep the list orders beside the maps (core/orderedIndex.ts):
 * ListKeys pages in creation order, ListAliases by name, each reading only its page.
 */
export function removeKey(state: KmsState, keyId: string): void {
  if (!Object.hasOwn(state.keys, keyId)) return;
  indexRemove(state.keys, keyId);
  delete state.keys[keyId];
}

export function storeAlias(state: KmsState, alias: KmsAlias): void {
  if (Object.hasOwn(state.aliases, alias.AliasName)) indexRemove(state.aliases, alias.AliasName);
  state.aliases[alias.AliasName] = alias;
  indexInsert(state.aliases, alias.AliasName);
}

export function removeAlias(state: KmsState, name: string): void {
  if (!Object.hasOwn(state.aliases, name)) return;
  indexRemove(state.aliases, name);
  delete state.aliases[name];
}

export function aliasRecord(ctx: OperationContext, name: string, keyId: string): KmsAlias {
  const now = ctx.clock.now();
  return {
    AliasName: name,
    AliasArn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:${name}`,
    TargetKeyId: keyId,
    CreationDate: now,
    LastUpdatedDate: now,
  };
}

/**
 * A rotation gives the key new material; the old material is kept (previousMaterials) so every
 * ciphertext made before still decrypts, while new ciphertexts use the new one (crypto.ts writes the
 * material version into each blob). The key id, ARN, aliases and policy stay the same.
 */
export function rotateKey(ctx: OperationContext, key: KmsKey, at: number, type: 'AUTOMATIC' | 'ON_DEMAND'): void {
  key.previousMaterials = [...(key.previousMaterials ?? []), key.material];
  key.material = toBase64(randomBytes(ctx.random, 32));
  key.Rotations = [...(key.Rotations ?? []), { RotationDate: at, RotationType: type }];
}

/**
 * Automatic rotation on the simulated clock, checked lazily like the end of a deletion window: every
 * rotation that fell due since the last request happens now, dated when it was due. A key that is
 * not Enabled does not rotate (AWS skips disabled keys and rotates them on the next due date).
 */
function rotateDueKeys(ctx: OperationContext, state: KmsState, now: number): void {
  for (const key of Object.values(state.keys)) {
    if (key.NextRotationDate === undefined || key.RotationPeriodInDays === undefined) continue;
    while (key.NextRotationDate <= now) {
      if (key.KeyState === 'Enabled') rotateKey(ctx, key, key.NextRotationDate, 'AUTOMATIC');
      key.NextRotationDate += key.RotationPeriodInDays * 86_400_000;
    }
  }
}
