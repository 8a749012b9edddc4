import type { ConsoleLine, EmulatorView, FromWorker, RunRequest, RunResult } from './messages';

export class RunTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`Your code did not finish within ${limitMs / 1000} s and was stopped. Look for a loop that never ends or a promise that never settles.`);
    this.name = 'RunTimeoutError';
  }
}

/**
 * The page's side of the sandbox: one dedicated worker, reused between runs while it behaves.
 * A run that exceeds its time limit is stopped by terminating the worker (the only way to stop a
 * busy loop); the next run gets a fresh one. Learner code never shares the page's thread,
 * storage or DOM.
 */
export class SandboxRunner {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;
  #runId = 0;
  readonly #create: () => Worker;

  constructor(create: () => Worker = () => new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' })) {
    this.#create = create;
  }

  /** Starts the worker ahead of the first run (it loads the SDK clients and the emulator). */
  warm(): Promise<void> {
    if (!this.#worker) {
      const worker = this.#create();
      this.#worker = worker;
      this.#ready = new Promise((resolve) => {
        const onReady = (e: MessageEvent<FromWorker>) => {
          if (e.data.type === 'ready') {
            worker.removeEventListener('message', onReady);
            resolve();
          }
        };
        worker.addEventListener('message', onReady);
      });
    }
    return this.#ready ?? Promise.resolve();
  }

  async run(request: RunRequest, options: { timeLimitMs: number; onConsole?: (line: ConsoleLine) => void }): Promise<RunResult> {
    await this.warm();
    const worker = this.#worker;
    if (!worker) throw new Error('sandbox worker missing');
    const runId = ++this.#runId;
    return new Promise<RunResult>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        settled = true;
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const onMessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (settled || !('runId' in m) || m.runId !== runId) return;
        if (m.type === 'console') options.onConsole?.(m.line);
        else if (m.type === 'done') {
          finish();
          resolve(m.result);
        }
      };
      const onError = (e: ErrorEvent) => {
        finish();
        this.reset();
        reject(new Error(`The sandbox stopped unexpectedly: ${e.message || 'worker error'}`));
      };
      const timer = setTimeout(() => {
        finish();
        this.reset();
        reject(new RunTimeoutError(options.timeLimitMs));
      }, options.timeLimitMs);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ type: 'run', runId, request });
    });
  }

  /** Advances the last run's emulator in simulated time; undefined when there is no run to advance. */
  async advance(ms: number): Promise<EmulatorView | undefined> {
    const worker = this.#worker;
    if (!worker || this.#runId === 0) return undefined;
    const runId = ++this.#runId;
    return new Promise((resolve) => {
      const onMessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'state' && e.data.runId === runId) {
          worker.removeEventListener('message', onMessage);
          resolve(e.data.state);
        }
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ type: 'advance', runId, ms });
      setTimeout(() => {
        worker.removeEventListener('message', onMessage);
        resolve(undefined);
      }, 5000);
    });
  }

  /** Terminates the worker; the next run starts a fresh one. */
  reset(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = undefined;
  }
}
