import { gcm } from '@noble/ciphers/aes.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

/**
 * `crypto` for learner code. The learner worker (a blob: worker in an opaque-origin frame) is not
 * a secure context, so the browser gives it `crypto.getRandomValues` but no `crypto.subtle`. Learner
 * code written for Node.js or Lambda (the envelope-encryption lesson's, say) uses `crypto.subtle`,
 * so this is the part of SubtleCrypto the course needs, with the Web Crypto API's names, argument
 * forms, results (ArrayBuffers) and errors (DOMExceptions named as the spec names them), computed by
 * @noble/ciphers and @noble/hashes: AES-GCM keys (`importKey`/`exportKey` 'raw', `generateKey`),
 * `encrypt`/`decrypt` with AES-GCM, and `digest` with SHA-256/384/512. Anything else rejects with
 * a NotSupportedError that says what is offered. Node runs the same code, so the tests of both
 * realms prove it; webCrypto.test.ts compares it with Node's real Web Crypto byte for byte.
 */
export interface LearnerCrypto {
  getRandomValues: Crypto['getRandomValues'];
  subtle: Pick<SubtleCrypto, 'importKey' | 'exportKey' | 'generateKey' | 'encrypt' | 'decrypt' | 'digest'> &
    Record<string, unknown>;
}

const OFFERED =
  "the lab's sandbox offers AES-GCM keys (importKey and exportKey in 'raw' format, generateKey), encrypt and decrypt with AES-GCM, and digest with SHA-256, SHA-384 or SHA-512";
const AES_USAGES = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
const DIGESTS: Record<string, (data: Uint8Array) => Uint8Array> = {
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
};

const fail = (name: string, message: string) => new DOMException(message, name);

/** A secret AES-GCM key; its bytes stay in this module (a CryptoKey's are not readable either). */
class LabCryptoKey {
  readonly type = 'secret';
  readonly extractable: boolean;
  readonly algorithm: { name: 'AES-GCM'; length: number };
  readonly usages: string[];
  constructor(bytes: Uint8Array, extractable: boolean, usages: string[]) {
    this.extractable = extractable;
    this.algorithm = { name: 'AES-GCM', length: bytes.length * 8 };
    this.usages = [...usages];
    KEY_BYTES.set(this, bytes);
    Object.freeze(this);
  }
  get [Symbol.toStringTag]() {
    return 'CryptoKey';
  }
}
const KEY_BYTES = new WeakMap<LabCryptoKey, Uint8Array>();

/** The bytes of a BufferSource, copied (as Web Crypto copies its inputs when the call is made). */
function bytesOf(value: unknown, what: string): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  throw new TypeError(
    `Failed to execute on 'SubtleCrypto': ${what} is not of type '(ArrayBuffer or ArrayBufferView)'.`,
  );
}

/** An algorithm's name, from a string or an object with `name`, upper-cased as the spec normalizes it. */
function algorithmName(algorithm: unknown): string {
  const name = typeof algorithm === 'string' ? algorithm : (algorithm as { name?: unknown } | null)?.name;
  if (typeof name !== 'string')
    throw new TypeError("Failed to execute on 'SubtleCrypto': Algorithm: name: Missing or not a string");
  return name.toUpperCase();
}

function aesGcm(algorithm: unknown): void {
  const name = algorithmName(algorithm);
  if (name !== 'AES-GCM') throw fail('NotSupportedError', `Algorithm ${name} is not available here: ${OFFERED}.`);
}

function checkUsages(usages: unknown): string[] {
  if (!Array.isArray(usages) || usages.length === 0)
    throw fail('SyntaxError', 'Usages cannot be empty when creating a key.');
  for (const u of usages)
    if (!AES_USAGES.includes(u)) throw fail('SyntaxError', `Cannot create a key using the specified key usages.`);
  return usages as string[];
}

function keyFor(key: unknown, usage: string): Uint8Array {
  const bytes = key instanceof LabCryptoKey ? KEY_BYTES.get(key) : undefined;
  if (!bytes) throw new TypeError("Failed to execute on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.");
  if (!(key as LabCryptoKey).usages.includes(usage))
    throw fail(
      'InvalidAccessError',
      `The requested operation is not valid for the provided key (it has no '${usage}' usage).`,
    );
  return bytes;
}

/** AES-GCM's parameters: the iv, the optional additional data, and the only tag length offered, 128. */
function gcmParams(algorithm: unknown): { iv: Uint8Array; aad?: Uint8Array } {
  aesGcm(algorithm);
  const params = algorithm as { iv?: unknown; additionalData?: unknown; tagLength?: unknown };
  const iv = bytesOf(params.iv, 'AesGcmParams: iv');
  if (iv.length === 0) throw fail('OperationError', 'The iv must not be empty.');
  if (params.tagLength !== undefined && params.tagLength !== 128)
    throw fail(
      'NotSupportedError',
      `A tagLength of ${String(params.tagLength)} is not available here: use the default, 128.`,
    );
  return params.additionalData === undefined
    ? { iv }
    : { iv, aad: bytesOf(params.additionalData, 'AesGcmParams: additionalData') };
}

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export function learnerCrypto(random: Pick<Crypto, 'getRandomValues'>): LearnerCrypto {
  // Each method is async, as SubtleCrypto's are: a wrong argument rejects, it never throws.
  const subtle = {
    async importKey(format: unknown, keyData: unknown, algorithm: unknown, extractable: unknown, usages: unknown) {
      if (format !== 'raw')
        throw fail('NotSupportedError', `Key format '${String(format)}' is not available here: ${OFFERED}.`);
      aesGcm(algorithm);
      const bytes = bytesOf(keyData, 'keyData');
      // As Chromium, where learners run: 192-bit AES keys are refused there.
      if (bytes.length === 24) throw fail('OperationError', '192-bit AES keys are not supported');
      if (bytes.length !== 16 && bytes.length !== 32) throw fail('DataError', 'AES key data must be 128 or 256 bits');
      return new LabCryptoKey(bytes, Boolean(extractable), checkUsages(usages));
    },
    async generateKey(algorithm: unknown, extractable: unknown, usages: unknown) {
      aesGcm(algorithm);
      const length = (algorithm as { length?: unknown }).length;
      if (length === 192) throw fail('OperationError', '192-bit AES keys are not supported');
      if (length !== 128 && length !== 256) throw fail('OperationError', 'AesKeyGenParams: length: Must be 128 or 256');
      return new LabCryptoKey(
        random.getRandomValues(new Uint8Array(length / 8)),
        Boolean(extractable),
        checkUsages(usages),
      );
    },
    async exportKey(format: unknown, key: unknown) {
      if (format !== 'raw')
        throw fail('NotSupportedError', `Key format '${String(format)}' is not available here: ${OFFERED}.`);
      const bytes = key instanceof LabCryptoKey ? KEY_BYTES.get(key) : undefined;
      if (!bytes)
        throw new TypeError("Failed to execute 'exportKey' on 'SubtleCrypto': parameter 2 is not of type 'CryptoKey'.");
      if (!(key as LabCryptoKey).extractable) throw fail('InvalidAccessError', 'key is not extractable');
      return buffer(bytes);
    },
    async encrypt(algorithm: unknown, key: unknown, data: unknown) {
      const { iv, aad } = gcmParams(algorithm);
      return buffer(gcm(keyFor(key, 'encrypt'), iv, aad).encrypt(bytesOf(data, 'data')));
    },
    async decrypt(algorithm: unknown, key: unknown, data: unknown) {
      const { iv, aad } = gcmParams(algorithm);
      const keyBytes = keyFor(key, 'decrypt');
      try {
        return buffer(gcm(keyBytes, iv, aad).decrypt(bytesOf(data, 'data')));
      } catch {
        // A changed byte, a wrong key, iv or additional data: Web Crypto says no more than this.
        throw fail('OperationError', 'The operation failed for an operation-specific reason');
      }
    },
    async digest(algorithm: unknown, data: unknown) {
      const name = algorithmName(algorithm);
      const hash = Object.hasOwn(DIGESTS, name) ? DIGESTS[name] : undefined;
      if (!hash) throw fail('NotSupportedError', `Algorithm ${name} is not available here: ${OFFERED}.`);
      return buffer(hash(bytesOf(data, 'data')));
    },
  };
  for (const method of ['sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'])
    Object.defineProperty(subtle, method, {
      value: async () => {
        throw fail('NotSupportedError', `crypto.subtle.${method} is not available here: ${OFFERED}.`);
      },
    });
  return Object.freeze({
    getRandomValues: random.getRandomValues.bind(random) as Crypto['getRandomValues'],
    subtle: Object.freeze(subtle) as unknown as LearnerCrypto['subtle'],
  });
}
