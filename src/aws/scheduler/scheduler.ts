/**
 * Something that falls due on the simulated clock: a scheduled rotation, the end of a recovery
 * window, a parameter policy, an extension cache entry. `run` is called with the clock already at
 * `time`, and must leave its source no longer reporting the same event (or a later one).
 */
export interface DueEvent {
  time: number;
  /** For error messages and the README's examples: "rotate pettracker/prod/db-credentials". */
  label: string;
  run(): void | Promise<void>;
}

/** Reports the earliest event of one kind due at or before `upTo`, if any. */
export interface EventSource {
  name: string;
  next(upTo: number): DueEvent | undefined;
}

/** The set of event sources the clock consults when it moves. */
export class Scheduler {
  readonly #sources = new Set<EventSource>();

  /** Adds a source; returns a function that removes it. */
  add(source: EventSource): () => void {
    this.#sources.add(source);
    return () => this.#sources.delete(source);
  }

  /**
   * The earliest event at or before `upTo` across sources; ties go to the source added first
   * (rotations, then deletions, then parameter policies, then caches), so a run is reproducible.
   */
  next(upTo: number): DueEvent | undefined {
    let best: DueEvent | undefined;
    for (const source of this.#sources) {
      const event = source.next(upTo);
      if (event && event.time <= upTo && (!best || event.time < best.time)) best = event;
    }
    return best;
  }
}
