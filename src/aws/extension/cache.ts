import type { Emulator } from '../emulator';
import type { EventSource } from '../scheduler/scheduler';

interface Entry {
  status: number;
  body: string;
  expiresAt: number;
  epoch: number;
}

/**
 * The extension's in-memory cache: one entry per request key, fresh until `expiresAt` on the
 * simulated clock (a TTL of 0 stores nothing). Like the real extension it holds at most
 * `maxSize` entries (oldest evicted first) and never refreshes on its own: an entry past its TTL
 * is dropped, and the next read fetches again. Entries from before an emulator reset or restore
 * are ignored. Expiry is a clock event, so the call log shows when each entry lapsed.
 */
export class ExtensionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #emulator: Emulator;
  readonly #maxSize: number;

  constructor(emulator: Emulator, maxSize: number) {
    this.#emulator = emulator;
    this.#maxSize = maxSize;
  }

  get(key: string): { status: number; body: string } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.epoch !== this.#emulator.epoch || entry.expiresAt <= this.#emulator.clock.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: { status: number; body: string }, ttlMs: number): void {
    if (ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { ...value, expiresAt: this.#emulator.clock.now() + ttlMs, epoch: this.#emulator.epoch });
    while (this.#entries.size > this.#maxSize) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** The clock event source: each entry falls due when its TTL runs out. */
  source(): EventSource {
    return {
      name: 'extension cache',
      next: (upTo) => {
        let best: { key: string; entry: Entry } | undefined;
        for (const [key, entry] of this.#entries) {
          if (entry.epoch !== this.#emulator.epoch) {
            this.#entries.delete(key);
            continue;
          }
          if (entry.expiresAt <= upTo && (!best || entry.expiresAt < best.entry.expiresAt)) best = { key, entry };
        }
        if (!best) return undefined;
        const { key, entry } = best;
        return {
          time: entry.expiresAt,
          label: `extension cache expiry ${key}`,
          run: () => {
            this.#entries.delete(key);
            this.#emulator.log.record({
              time: entry.expiresAt,
              service: 'extension',
              operation: 'CacheExpired',
              params: { key },
              outcome: 'ok',
              source: 'event',
            });
          },
        };
      },
    };
  }
}
