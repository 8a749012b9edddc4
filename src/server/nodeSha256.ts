import { createHash, createHmac, hash } from 'node:crypto';
import type { Hash, HashConstructor, SourceData } from '@smithy/types';

/**
 * SHA-256 / HMAC-SHA-256 for @smithy/signature-v4 with Node's native crypto (the endpoint's signature
 * checks). A signature check hashes two small texts whole (the body, the canonical request), each
 * given in one `update`: those take Node's one-shot `crypto.hash` (no Hash object: less than half the
 * cost). A second `update`, or a key (HMAC), uses the streaming objects. Digests are Node Buffers
 * (Uint8Arrays), returned without a copy.
 */
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' || data instanceof Uint8Array
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data as ArrayBuffer);

export const NodeSha256: HashConstructor & { hexOf(text: string): string } = class implements Hash {
  /** A text's SHA-256 in lower-case hex, in one call (sigv4.ts checks a declared payload hash with it). */
  static hexOf(text: string): string {
    return hash('sha256', text, 'hex');
  }

  /** The one chunk given so far, while there is only one. */
  #pending: string | Uint8Array | undefined;
  #stream: ReturnType<typeof createHash> | ReturnType<typeof createHmac> | undefined;

  constructor(secret?: SourceData) {
    if (secret !== undefined) this.#stream = createHmac('sha256', bytes(secret));
  }

  update(data: SourceData): void {
    if (this.#stream) {
      this.#stream.update(bytes(data));
    } else if (this.#pending === undefined) {
      this.#pending = bytes(data);
    } else {
      this.#stream = createHash('sha256').update(this.#pending).update(bytes(data));
      this.#pending = undefined;
    }
  }

  digest(): Promise<Uint8Array> {
    if (this.#stream) return Promise.resolve(this.#stream.digest());
    return Promise.resolve(hash('sha256', this.#pending ?? '', 'buffer'));
  }
};
