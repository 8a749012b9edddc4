import { gcm } from '@noble/ciphers/aes.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { fromBase64 } from '../core/base64';
import { own } from '../core/dict';
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
 * "SLK2" blobs use ChaCha20-Poly1305 (3x faster than AES-GCM in pure JS: it is on the
 * GetSecretValue hot path); "SLK1" blobs (AES-256-GCM, older state files) still decrypt.
 */
const MAGIC_LENGTH = 4;
const CIPHERS: Record<string, typeof chacha20poly1305 | typeof gcm> = { SLK1: gcm, SLK2: chacha20poly1305 };
const MAGIC = new TextEncoder().encode('SLK2');

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
  const key = own(kmsState(ctx).keys, keyId);
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
