import type { Emulator } from '../aws/emulator';

/**
 * Following the wall clock (the endpoint's default): before each request simulated time moves to
 * `Date.now()`, running whatever falls due on the way (a scheduled rotation, the end of a recovery
 * window). Asking every event source on every request means looking at the whole store per
 * request; instead the earliest due time is remembered and looked up again only after something
 * may have scheduled an event: any request but a read, and any control call.
 *
 * Invariant: reads schedule nothing (a Get, List, Describe, BatchGet or Decrypt changes no due
 * time), so until `changed()` no event is due before `dueAt` and moving the clock short of it runs
 * nothing.
 */
export class WallClock {
  readonly #emulator: Emulator;
  #dueAt = Number.NEGATIVE_INFINITY;

  constructor(emulator: Emulator) {
    this.#emulator = emulator;
  }

  /**
   * Moves simulated time to now. Undefined when nothing fell due (the usual case: the request need
   * not wait a turn of the event loop); else a promise that settles once what fell due has run.
   */
  catchUp(): Promise<void> | undefined {
    const now = Date.now();
    const { clock } = this.#emulator;
    if (now <= clock.now()) return undefined;
    // After a change, one look at the sources says whether anything is due at all.
    if (this.#dueAt === Number.NEGATIVE_INFINITY) this.#dueAt = this.#nextDue();
    if (now < this.#dueAt) {
      clock.set(now);
      return undefined;
    }
    return this.#runDue(now);
  }

  async #runDue(now: number): Promise<void> {
    await this.#emulator.setTime(now);
    this.#dueAt = this.#nextDue();
  }

  #nextDue(): number {
    return this.#emulator.scheduler.next(Number.POSITIVE_INFINITY)?.time ?? Number.POSITIVE_INFINITY;
  }

  /** After a request that may have scheduled something: the next catch-up asks the sources again. */
  changed(): void {
    this.#dueAt = Number.NEGATIVE_INFINITY;
  }
}

/** Calls that only read (Get*, List*, Describe*, BatchGet*, Decrypt): they schedule nothing. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Get|List|Describe|BatchGet)/.test(operation) || operation === 'Decrypt';
}
