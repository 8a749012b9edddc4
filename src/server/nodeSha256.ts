import { createHash, createHmac, hash } from 'node:crypto';
import type { Hash, HashConstructor, SourceData } from '@smithy/types';

/**
 * SHA-256 / HMAC-SHA-256 for @smithy/signature-v4 with Node's native crypto (the endpoint's signature
 * checks). A signature check hashes two small texts whole (the body, the canonical request) and
 * signs one (the string to sign, keyed by the derived signing key), each given in one `update`:
 * those take Node's one-shot `crypto.hash` (no Hash or Hmac object: a fraction of the cost; HMAC as
 * RFC 2104 writes it, two one-shot hashes of the padded key and the text). A second `update` uses
 * the streaming objects. Digests are Node Buffers (Uint8Arrays), returned without a copy.
 */
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' || data instanceof Uint8Array
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data as ArrayBuffer);

/** SHA-256's block size: an HMAC key longer than this is hashed first, a shorter one padded with zeros. */
const BLOCK = 64;

/** HMAC-SHA-256 (RFC 2104): H((K ^ opad) || H((K ^ ipad) || text)), with two one-shot hashes. */
function hmacOneShot(secret: string | Uint8Array, text: string | Uint8Array): Buffer {
  let key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length > BLOCK) key = hash('sha256', key, 'buffer');
  const textLength = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.length;
  const inner = Buffer.allocUnsafe(BLOCK + textLength);
  const outer = Buffer.allocUnsafe(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    const k = i < key.length ? (key[i] as number) : 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  if (typeof text === 'string') inner.write(text, BLOCK, 'utf8');
  else inner.set(text, BLOCK);
  outer.set(hash('sha256', inner, 'buffer'), BLOCK);
  return hash('sha256', outer, 'buffer');
}

export const NodeSha256: HashConstructor = class implements Hash {
  /** The HMAC key, when keyed. */
  readonly #secret: string | Uint8Array | undefined;
  /** The one chunk given so far, while there is only one. */
  #pending: string | Uint8Array | undefined;
  #stream: ReturnType<typeof createHash> | ReturnType<typeof createHmac> | undefined;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : bytes(secret);
  }

  update(data: SourceData): void {
    if (this.#stream) {
      this.#stream.update(bytes(data));
    } else if (this.#pending === undefined) {
      this.#pending = bytes(data);
    } else {
      const stream = this.#secret === undefined ? createHash('sha256') : createHmac('sha256', this.#secret);
      this.#stream = stream.update(this.#pending).update(bytes(data));
      this.#pending = undefined;
    }
  }

  digest(): Promise<Uint8Array> {
    if (this.#stream) return Promise.resolve(this.#stream.digest());
    const text = this.#pending ?? '';
    return Promise.resolve(
      this.#secret === undefined ? hash('sha256', text, 'buffer') : hmacOneShot(this.#secret, text),
    );
  }
};
