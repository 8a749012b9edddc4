/**
 * The emulator's sense of time. Every timestamp an API returns, every TTL and every schedule
 * reads `now()` from here, never `Date.now()`, so time can be simulated (advance 30 days and a
 * scheduled rotation falls due) and runs are reproducible.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, in simulated time. */
  now(): number;
}

/** A clock that only moves when told to. */
export class SimClock implements Clock {
  #now: number;

  constructor(startMs: number = Date.UTC(2026, 0, 1)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves to an absolute time. Time never runs backwards: an earlier time is rejected. */
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`Invalid time: ${ms}`);
    if (ms < this.#now) throw new RangeError('The simulated clock cannot run backwards');
    this.#now = ms;
  }

  /** Jumps to any time, backwards included: only for restoring a snapshot or a reset. */
  reset(ms: number = Date.UTC(2026, 0, 1)): void {
    this.#now = ms;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Invalid duration: ${ms}`);
    this.#now += ms;
  }
}

/** Epoch seconds as AWS JSON 1.1 returns dates (a number, fractional milliseconds allowed). */
export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}
