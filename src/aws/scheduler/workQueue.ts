/**
 * Work the emulator does on its own after answering a request (a rotation RotateSecret started),
 * one job at a time, in the order it was queued. A job starts on a later macrotask, so the request
 * that queued it is answered and logged first (AWS rotates asynchronously too). `idle()` resolves
 * once nothing is queued or running: tests and lab checks await it to see a rotation's outcome.
 */
export class WorkQueue {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;
  #epoch = 0;
  /**
   * Receives what a job threw. Jobs record their own AWS-level failures (a rotation step that
   * fails is a RotationFailed event); an error reaching here is a bug, and createEmulator reports
   * it in the call log and to the host (the endpoint's log, the console).
   */
  readonly #onFailure: (error: unknown) => void;

  constructor(onFailure: (error: unknown) => void) {
    this.#onFailure = onFailure;
  }

  enqueue(job: () => void | Promise<void>): void {
    const epoch = this.#epoch;
    this.#pending++;
    this.#tail = this.#tail
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
      .then(async () => {
        if (epoch === this.#epoch) await job();
      })
      .catch((e: unknown) => {
        this.#onFailure(e);
      })
      .finally(() => {
        this.#pending--;
      });
  }

  get pending(): number {
    return this.#pending;
  }

  /** Resolves when every job queued so far, and any job those queued, has finished. */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#tail;
  }

  /** Drops queued jobs (a reset or restore): they belonged to the state that was replaced. */
  cancelAll(): void {
    this.#epoch++;
  }
}
