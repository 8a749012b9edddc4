import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Hash, HashConstructor, SourceData } from '@smithy/types';

/**
 * SHA-256 and HMAC-SHA-256 in the shape @smithy/signature-v4 takes (`new Sha256(secret?)`), from
 * @noble/hashes, so signatures are checked the same way in a browser worker and in Node. The local
 * endpoint passes Node's native hashing instead (src/server/nodeSha256.ts): same answers, faster.
 */
const bytes = (data: SourceData): Uint8Array => {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data as ArrayBuffer);
};

export const NobleSha256: HashConstructor = class implements Hash {
  readonly #hash: { update(data: Uint8Array): unknown; digest(): Uint8Array };

  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? sha256.create() : hmac.create(sha256, bytes(secret));
  }

  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest());
  }
};
