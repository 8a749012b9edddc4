import type { CallLog } from '../core/callLog';
import type { Clock } from '../core/clock';
import type { EventSource } from '../scheduler/scheduler';

interface Entry {
  status: number;
  body: string;
  expiresAt: number;
}

/**
 * The extension's in-memory cache: one entry per request key, fresh until `expiresAt` on the
 * simulated clock (a TTL of 0 stores nothing). Like the real extension it holds at most
 * `maxSize` entries (oldest evicted first) and never refreshes on its own: an entry past its TTL
 * is dropped, and the next read fetches again. Expiry is a clock event, so the call log shows
 * when each entry lapsed.
 */
export class ExtensionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  readonly #log: CallLog;
  maxSize: number;

  constructor(clock: Clock, log: CallLog, maxSize: number) {
    this.#clock = clock;
    this.#log = log;
    this.maxSize = maxSize;
  }

  get(key: string): { status: number; body: string } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: { status: number; body: string }, ttlMs: number): void {
    if (ttlMs <= 0 || this.maxSize <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { ...value, expiresAt: this.#clock.now() + ttlMs });
    while (this.#entries.size > this.maxSize) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** Empties the cache: a new "Lambda container" (new settings, or the emulator was reset or restored). */
  clear(): void {
    this.#entries.clear();
  }

  /** The clock event source: each entry falls due when its TTL runs out. */
  source(): EventSource {
    return {
      name: 'extension cache',
      next: (upTo) => {
        let best: { key: string; entry: Entry } | undefined;
        for (const [key, entry] of this.#entries) {
          if (entry.expiresAt <= upTo && (!best || entry.expiresAt < best.entry.expiresAt)) best = { key, entry };
        }
        if (!best) return undefined;
        const { key, entry } = best;
        return {
          time: entry.expiresAt,
          label: `extension cache expiry ${key}`,
          run: () => {
            this.#entries.delete(key);
            this.#log.record({
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
