import { gcm } from '@noble/ciphers/aes.js';
import { AwsError } from '../core/errors';
import { randomBytes, randomUuid } from '../core/random';
import type { OperationContext } from '../core/service';
import type { KmsAlias, KmsKey, KmsState } from './state';

/**
 * Real authenticated encryption (AES-256-GCM from @noble/ciphers, synchronous so it runs the same
 * in a worker and in Node) under each key's own material. A ciphertext blob is
 *   "SLK1" | key-id length (1 byte) | key id | 12-byte nonce | GCM ciphertext+tag
 * so Decrypt can find the key from the blob alone, as KMS does for symmetric keys, and any change
 * to the blob or the encryption context fails authentication (InvalidCiphertextException).
 */
const MAGIC = new TextEncoder().encode('SLK1');

export const AWS_MANAGED_ALIASES = ['alias/aws/ssm', 'alias/aws/secretsmanager'] as const;

export function kmsState(ctx: OperationContext): KmsState {
  const state = ctx.state<KmsState>('kms');
  ensureAwsManagedKeys(ctx, state);
  return state;
}

export function initialKmsState(): KmsState {
  return { keys: {}, aliases: {} };
}

/** AWS creates `aws/ssm` and `aws/secretsmanager` in every account and region; so do we, on first use. */
function ensureAwsManagedKeys(ctx: OperationContext, state: KmsState): void {
  for (const alias of AWS_MANAGED_ALIASES) {
    if (state.aliases[alias]) continue;
    const key = createKeyRecord(ctx, state, { description: `Default key that protects my ${alias === 'alias/aws/ssm' ? 'SSM parameters' : 'Secrets Manager secrets'} when no other key is defined`, manager: 'AWS' });
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

/**
 * Finds a key by key id, key ARN, alias name or alias ARN, as KMS's `KeyId` parameter accepts.
 * Throws NotFoundException with KMS's wording when nothing matches.
 */
export function resolveKey(ctx: OperationContext, keyId: string): KmsKey {
  const state = kmsState(ctx);
  let id = keyId;
  const aliasArn = keyId.match(/^arn:aws:kms:[^:]+:\d{12}:(alias\/.+)$/);
  const keyArn = keyId.match(/^arn:aws:kms:[^:]+:\d{12}:key\/(.+)$/);
  if (aliasArn?.[1]) id = aliasArn[1];
  if (keyArn?.[1]) id = keyArn[1];
  if (id.startsWith('alias/')) {
    const alias = state.aliases[id];
    if (!alias) throw new AwsError('NotFoundException', `Alias ${ctx.region === undefined ? id : `arn:aws:kms:${ctx.region}:${ctx.accountId}:${id}`} is not found.`);
    id = alias.TargetKeyId;
  }
  const key = state.keys[id];
  if (!key) throw new AwsError('NotFoundException', `Key '${keyArnOf(ctx, id)}' does not exist`);
  return key;
}

function keyArnOf(ctx: OperationContext, id: string): string {
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${id}`;
}

function usable(key: KmsKey): void {
  if (key.KeyState === 'Disabled') throw new AwsError('DisabledException', `${key.Arn} is disabled.`);
  if (key.KeyState === 'PendingDeletion') throw new AwsError('KMSInvalidStateException', `${key.Arn} is pending deletion.`);
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
  const sealed = gcm(fromBase64(key.material), nonce, aad(encryptionContext)).encrypt(plaintext);
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
  const invalid = () => new AwsError('InvalidCiphertextException', '');
  if (blob.length < MAGIC.length + 1 || MAGIC.some((b, i) => blob[i] !== b)) throw invalid();
  const idLength = blob[MAGIC.length] ?? 0;
  const idStart = MAGIC.length + 1;
  const nonceStart = idStart + idLength;
  if (blob.length < nonceStart + 12 + 16) throw invalid();
  const keyId = new TextDecoder().decode(blob.subarray(idStart, nonceStart));
  const key = kmsState(ctx).keys[keyId];
  if (!key) throw invalid();
  if (expectedKeyId !== undefined && resolveKey(ctx, expectedKeyId).KeyId !== key.KeyId) {
    throw new AwsError('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.');
  }
  usable(key);
  try {
    const plaintext = gcm(fromBase64(key.material), blob.subarray(nonceStart, nonceStart + 12), aad(encryptionContext)).decrypt(
      blob.subarray(nonceStart + 12),
    );
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
