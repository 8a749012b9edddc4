import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes, randomUuid } from '../core/random';
import type { OperationContext } from '../core/service';
import { kmsErrors } from './errors';
import type { KmsAlias, KmsKey, KmsState } from './state';

/**
 * Real authenticated encryption (from @noble/ciphers, synchronous so it runs the same in a worker
 * and in Node) under each key's own 256-bit material. A ciphertext blob is
 *   magic (4 bytes) | key-id length (1 byte) | key id | 12-byte nonce | ciphertext + 16-byte tag
 * so Decrypt can find the key from the blob alone, as KMS does for symmetric keys, and any change
 * to the blob or the encryption context fails authentication (InvalidCiphertextException).
 * "SLK2" blobs use ChaCha20-Poly1305 (3x faster than AES-GCM in pure JS: it is on the
 * GetSecretValue hot path); "SLK1" blobs (AES-256-GCM, older state files) still decrypt.
 */
const MAGIC_LENGTH = 4;
const CIPHERS: Record<string, typeof chacha20poly1305 | typeof gcm> = { SLK1: gcm, SLK2: chacha20poly1305 };
const MAGIC = new TextEncoder().encode('SLK2');

export const AWS_MANAGED_ALIASES = ['alias/aws/ssm', 'alias/aws/secretsmanager'] as const;

export function kmsState(ctx: OperationContext): KmsState {
  const state = ctx.state<KmsState>('kms');
  ensureAwsManagedKeys(ctx, state);
  purgeDeletedKeys(ctx, state);
  return state;
}

/**
 * A key whose waiting period (ScheduleKeyDeletion) has ended is gone for good, with its aliases:
 * what it encrypted can never be decrypted again. Checked lazily against the simulated clock.
 */
function purgeDeletedKeys(ctx: OperationContext, state: KmsState): void {
  const now = ctx.clock.now();
  for (const key of Object.values(state.keys)) {
    if (key.KeyState !== 'PendingDeletion' || key.DeletionDate === undefined || key.DeletionDate > now) continue;
    delete state.keys[key.KeyId];
    for (const alias of Object.values(state.aliases)) {
      if (alias.TargetKeyId === key.KeyId) delete state.aliases[alias.AliasName];
    }
  }
}

export function initialKmsState(): KmsState {
  return { keys: {}, aliases: {} };
}

/** AWS creates `aws/ssm` and `aws/secretsmanager` in every account and region; so do we, on first use. */
function ensureAwsManagedKeys(ctx: OperationContext, state: KmsState): void {
  for (const alias of AWS_MANAGED_ALIASES) {
    if (state.aliases[alias]) continue;
    const key = createKeyRecord(ctx, state, {
      description: `Default key that protects my ${alias === 'alias/aws/ssm' ? 'SSM parameters' : 'Secrets Manager secrets'} when no other key is defined`,
      manager: 'AWS',
    });
    state.aliases[alias] = aliasRecord(ctx, alias, key.KeyId);
  }
}

export function createKeyRecord(
  ctx: OperationContext,
  state: KmsState,
  options: { description?: string; manager?: 'AWS' | 'CUSTOMER'; tags?: KmsKey['Tags'] } = {},
): KmsKey {
  const KeyId = randomUuid(ctx.random);
  const key: KmsKey = {
    KeyId,
    Arn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${KeyId}`,
    Description: options.description ?? '',
    KeyState: 'Enabled',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyManager: options.manager ?? 'CUSTOMER',
    Origin: 'AWS_KMS',
    CreationDate: ctx.clock.now(),
    Tags: options.tags ?? [],
    material: toBase64(randomBytes(ctx.random, 32)),
  };
  state.keys[KeyId] = key;
  return key;
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

const ARN = /^arn:aws:kms:([^:]*):([^:]*):((?:key|alias)\/.+)$/;
const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Finds a key by key id, key ARN, alias name or alias ARN, as KMS's `KeyId` parameter accepts.
 * An ARN of another region or account names nothing here. Throws NotFoundException with KMS's
 * wording when nothing matches.
 */
export function resolveKey(ctx: OperationContext, keyId: string): KmsKey {
  const state = kmsState(ctx);
  const arn = keyId.match(ARN);
  if (keyId.startsWith('arn:') && !arn) throw kmsErrors.invalidKeyId(keyId);
  const local = !arn || (arn[1] === ctx.region && arn[2] === ctx.accountId);
  const id = arn?.[3]?.replace(/^key\//, '') ?? keyId;
  if (id.startsWith('alias/')) {
    const alias = local ? state.aliases[id] : undefined;
    if (!alias) throw kmsErrors.aliasNotFound(arn ? keyId : aliasArnOf(ctx, id));
    const target = state.keys[alias.TargetKeyId];
    if (!target) throw kmsErrors.keyNotFound(keyArnOf(ctx, alias.TargetKeyId));
    return target;
  }
  if (!KEY_ID.test(id)) throw kmsErrors.invalidKeyId(keyId);
  const key = local ? state.keys[id] : undefined;
  if (!key) throw kmsErrors.keyNotFound(arn ? keyId : keyArnOf(ctx, id));
  return key;
}

export function keyArnOf(ctx: OperationContext, id: string): string {
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${id}`;
}

export function aliasArnOf(ctx: OperationContext, aliasName: string): string {
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:${aliasName}`;
}

/** Throws the error KMS gives for a key that cannot encrypt or decrypt now. */
export function usable(key: KmsKey): void {
  if (key.KeyState === 'Disabled') throw kmsErrors.disabled(key.Arn);
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
}

function aad(encryptionContext: Record<string, string> | undefined): Uint8Array {
  const entries = Object.entries(encryptionContext ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new TextEncoder().encode(JSON.stringify(entries));
}

/** Encrypts under a key named any way KMS accepts. */
export function encryptWithKey(
  ctx: OperationContext,
  keyId: string,
  plaintext: Uint8Array,
  encryptionContext?: Record<string, string>,
): { ciphertext: Uint8Array; key: KmsKey } {
  const key = resolveKey(ctx, keyId);
  usable(key);
  const nonce = randomBytes(ctx.random, 12);
  const sealed = chacha20poly1305(fromBase64(key.material), nonce, aad(encryptionContext)).encrypt(plaintext);
  const id = new TextEncoder().encode(key.KeyId);
  const out = new Uint8Array(MAGIC.length + 1 + id.length + nonce.length + sealed.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = id.length;
  out.set(id, MAGIC.length + 1);
  out.set(nonce, MAGIC.length + 1 + id.length);
  out.set(sealed, MAGIC.length + 1 + id.length + nonce.length);
  return { ciphertext: out, key };
}

/**
 * Decrypts a blob made by `encryptWithKey`. When `expectedKeyId` is given (KMS's optional KeyId on
 * Decrypt), a blob made under another key is an IncorrectKeyException.
 */
export function decryptBlob(
  ctx: OperationContext,
  blob: Uint8Array,
  encryptionContext?: Record<string, string>,
  expectedKeyId?: string,
): { plaintext: Uint8Array; key: KmsKey } {
  const invalid = kmsErrors.invalidCiphertext;
  const magic = String.fromCharCode(...blob.subarray(0, MAGIC_LENGTH));
  const cipher = blob.length > MAGIC_LENGTH && Object.hasOwn(CIPHERS, magic) ? CIPHERS[magic] : undefined;
  if (!cipher) throw invalid();
  const idLength = blob[MAGIC_LENGTH] ?? 0;
  const idStart = MAGIC_LENGTH + 1;
  const nonceStart = idStart + idLength;
  if (blob.length < nonceStart + 12 + 16) throw invalid();
  const keyId = new TextDecoder().decode(blob.subarray(idStart, nonceStart));
  const key = kmsState(ctx).keys[keyId];
  if (!key) throw invalid();
  if (expectedKeyId !== undefined && resolveKey(ctx, expectedKeyId).KeyId !== key.KeyId) {
    throw kmsErrors.incorrectKey();
  }
  usable(key);
  try {
    const plaintext = cipher(
      fromBase64(key.material),
      blob.subarray(nonceStart, nonceStart + 12),
      aad(encryptionContext),
    ).decrypt(blob.subarray(nonceStart + 12));
    return { plaintext, key };
  } catch {
    throw invalid();
  }
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Strict base64 decoding; throws on anything that is not base64. */
export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
