import { createHash, createHmac, type Hmac, type Hash as NodeHash } from 'node:crypto';
import type { Hash, HashConstructor, SourceData } from '@smithy/types';

/** SHA-256 / HMAC-SHA-256 for @smithy/signature-v4 with Node's native crypto (the endpoint's signature checks). */
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' || data instanceof Uint8Array
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data as ArrayBuffer);

export const NodeSha256: HashConstructor = class implements Hash {
  readonly #hash: NodeHash | Hmac;

  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }

  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
};
