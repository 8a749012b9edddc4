import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: string } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `limit` bytes. Past the limit it stops buffering at once and
 * reports 'too-large', so an oversized or endless upload never grows memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => new BodyReader(req, limit, resolve));
}

const ABORTED: BodyResult = Object.freeze({ ok: false, reason: 'aborted' });
const TOO_LARGE: BodyResult = Object.freeze({ ok: false, reason: 'too-large' });

/**
 * One body being read. The listeners are anonymous functions (`tsx`, which runs the endpoint,
 * names every named closure with a defineProperty call each time one is made: a per-request cost).
 */
class BodyReader {
  readonly #req: IncomingMessage;
  readonly #limit: number;
  readonly #resolve: (result: BodyResult) => void;
  readonly #onData: (chunk: Buffer) => void;
  #chunks: Buffer[] = [];
  #size = 0;
  #settled = false;

  constructor(req: IncomingMessage, limit: number, resolve: (result: BodyResult) => void) {
    this.#req = req;
    this.#limit = limit;
    this.#resolve = resolve;
    this.#onData = (chunk) => this.#data(chunk);
    req.on('data', this.#onData);
    req.on('end', () => this.#settle({ ok: true, body: this.#text() }));
    req.on('error', () => this.#settle(ABORTED));
    req.on('close', () => this.#settle(ABORTED));
  }

  #data(chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > this.#limit) {
      this.#chunks = [];
      this.#settle(TOO_LARGE);
      return;
    }
    this.#chunks.push(chunk);
  }

  /** A small body arrives as one chunk: decoded as it is, without a copy by Buffer.concat. */
  #text(): string {
    const chunks = this.#chunks;
    return (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8');
  }

  #settle(result: BodyResult): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#req.off('data', this.#onData);
    this.#resolve(result);
  }
}
