import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { fromBase64 } from '../core/base64';
import { own } from '../core/dict';
import { keptPerObject } from '../core/memo';
import { randomBytes } from '../core/random';
import type { OperationContext } from '../core/service';
import { kmsErrors } from './errors';
import { resolveKey, usable } from './keyIds';
import { type KmsKey, kmsState } from './state';

/**
 * Real authenticated encryption (from @noble/ciphers, synchronous so it runs the same in a worker
 * and in Node) under each key's own 256-bit material. A ciphertext blob is
 *   magic (4 bytes) | key-id length (1 byte) | key id | 12-byte nonce | ciphertext + 16-byte tag
 * so Decrypt can find the key from the blob alone, as KMS does for symmetric keys, and any change
 * to the blob or the encryption context fails authentication (InvalidCiphertextException).
 * "SLK3" blobs (ChaCha20-Poly1305, 3x faster than AES-GCM in pure JS: it is on the GetSecretValue
 * hot path) add, after the key id, the 2-byte version of the key material they were sealed under,
 * so a ciphertext made before an automatic rotation still decrypts (see rotation.ts). "SLK2"
 * (ChaCha20-Poly1305) and "SLK1" (AES-256-GCM) blobs from older state files name no version: they
 * were sealed under the key's first material.
 */
const MAGIC_LENGTH = 4;
const CIPHERS: Record<string, typeof chacha20poly1305 | typeof gcm> = {
  SLK1: gcm,
  SLK2: chacha20poly1305,
  SLK3: chacha20poly1305,
};
const MAGIC = new TextEncoder().encode('SLK3');
const VERSION_LENGTH = 2;

/** The material of version `n` (0 = the key's first); undefined for a version the key never had. */
function materialOf(key: KmsKey, version: number): string | undefined {
  const previous = key.previousMaterials ?? [];
  if (version < previous.length) return previous[version];
  return version === previous.length ? key.material : undefined;
}

/** The encryption context as the additional authenticated data's text: its pairs sorted by key, as JSON. */
function aadText(encryptionContext: Readonly<Record<string, string>> | undefined): string {
  // A frozen context (Secrets Manager keeps one per secret version) cannot change: its text is kept.
  if (encryptionContext === undefined || !Object.isFrozen(encryptionContext)) return buildAadText(encryptionContext);
  return aadTextOfFrozen(encryptionContext);
}
const aadTextOfFrozen = keptPerObject((context: Readonly<Record<string, string>>) => buildAadText(context));

function buildAadText(encryptionContext: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(encryptionContext ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

function aad(encryptionContext: Record<string, string> | undefined): Uint8Array {
  return UTF8_OUT.encode(aadText(encryptionContext));
}

const UTF8_OUT = new TextEncoder();
const UTF8_IN = new TextDecoder();

/** Encrypts under a key named any way KMS accepts. */
export function encryptWithKey(
  ctx: OperationContext,
  keyId: string,
  plaintext: Uint8Array,
  encryptionContext?: Record<string, string>,
  operation = 'Encrypt',
): { ciphertext: Uint8Array; key: KmsKey } {
  const key = resolveKey(ctx, keyId);
  usable(key);
  if (key.KeyUsage !== 'ENCRYPT_DECRYPT') throw kmsErrors.keyUsage(key.Arn, key.KeyUsage, operation);
  const nonce = randomBytes(ctx.random, 12);
  const sealed = chacha20poly1305(fromBase64(key.material), nonce, aad(encryptionContext)).encrypt(plaintext);
  const id = new TextEncoder().encode(key.KeyId);
  const version = key.previousMaterials?.length ?? 0;
  const out = new Uint8Array(MAGIC.length + 1 + id.length + VERSION_LENGTH + nonce.length + sealed.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = id.length;
  out.set(id, MAGIC.length + 1);
  const at = MAGIC.length + 1 + id.length;
  out[at] = version >> 8;
  out[at + 1] = version & 0xff;
  out.set(nonce, at + VERSION_LENGTH);
  out.set(sealed, at + VERSION_LENGTH + nonce.length);
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
  const magic = String.fromCharCode(blob[0] ?? 0, blob[1] ?? 0, blob[2] ?? 0, blob[3] ?? 0);
  const cipher = blob.length > MAGIC_LENGTH && Object.hasOwn(CIPHERS, magic) ? CIPHERS[magic] : undefined;
  if (!cipher) throw invalid();
  const idLength = blob[MAGIC_LENGTH] ?? 0;
  const idStart = MAGIC_LENGTH + 1;
  const versioned = magic === 'SLK3';
  const nonceStart = idStart + idLength + (versioned ? VERSION_LENGTH : 0);
  if (blob.length < nonceStart + 12 + 16) throw invalid();
  const keyId = UTF8_IN.decode(blob.subarray(idStart, idStart + idLength));
  const version = versioned ? ((blob[idStart + idLength] ?? 0) << 8) | (blob[idStart + idLength + 1] ?? 0) : 0;
  const key = own(kmsState(ctx).keys, keyId);
  if (!key) throw invalid();
  if (expectedKeyId !== undefined && resolveKey(ctx, expectedKeyId).KeyId !== key.KeyId) {
    throw kmsErrors.incorrectKey();
  }
  usable(key);
  const material = materialOf(key, version);
  if (material === undefined) throw invalid();
  const context = aadText(encryptionContext);
  const sealed = sealedText(blob, nonceStart);
  const memo = opened.get(key);
  const known = memo?.get(sealed);
  if (known && known.magic === magic && known.material === material && known.context === context)
    return { plaintext: known.plaintext.slice(), key };
  let plaintext: Uint8Array;
  try {
    plaintext = cipher(
      fromBase64(material),
      blob.subarray(nonceStart, nonceStart + 12),
      UTF8_OUT.encode(context),
    ).decrypt(blob.subarray(nonceStart + 12));
  } catch {
    throw invalid();
  }
  remember(key, memo, sealed, { magic, material, context, plaintext });
  return { plaintext, key };
}

/**
 * Decryptions already made, per key record. Authenticated decryption is a pure function of its
 * inputs (cipher, material, nonce, additional data, sealed bytes), and the memo is keyed on exactly
 * those (looked up by the sealed bytes, then the other inputs compared), so a hit returns what
 * decrypting again would. It replaces only the cipher call: finding the
 * key, its state (Disabled, PendingDeletion, deleted), the KeyId check and, in the callers, the key
 * policy, IAM and grants all run before it on every request, so a remembered plaintext never
 * answers a request that would be refused. The sealed bytes, one character per byte, are the map's
 * key: decoded once per blob object (a caller that keeps its blob, as Secrets Manager keeps one
 * per secret version, pays it once), a string V8 hashes once, where a key joining every input was
 * built and hashed on every read. Bounded per key (small values, a few hundred entries);
 * a key record that leaves the state (deleted, reset, restored) takes its memo with it.
 */
interface Opened {
  magic: string;
  material: string;
  /** The encryption context as aadText writes it. */
  context: string;
  plaintext: Uint8Array;
}
const opened = new WeakMap<KmsKey, Map<string, Opened>>();
const MEMO_ENTRIES = 256;
const MEMO_MAX_BYTES = 4096;
/** Bytes to a string one code point per byte (windows-1252 decoding maps each byte to its own point). */
const BYTES = new TextDecoder('latin1');

/** The sealed bytes as the memo's key, decoded once per blob (blobs are never changed in place). */
const sealedTexts = new WeakMap<Uint8Array, string>();
function sealedText(blob: Uint8Array, start: number): string {
  let text = sealedTexts.get(blob);
  if (text === undefined) {
    text = BYTES.decode(blob.subarray(start));
    sealedTexts.set(blob, text);
  }
  return text;
}

function remember(key: KmsKey, memo: Map<string, Opened> | undefined, sealed: string, entry: Opened): void {
  if (entry.plaintext.length > MEMO_MAX_BYTES) return;
  const map = memo ?? new Map<string, Opened>();
  if (!memo) opened.set(key, map);
  if (map.size >= MEMO_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(sealed, {
    magic: entry.magic,
    material: entry.material,
    context: entry.context,
    plaintext: entry.plaintext.slice(),
  });
}
