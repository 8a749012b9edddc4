import type { ConsoleLine, EmulatorView, FromWorker, RunRequest, RunResult } from './messages';

export class RunTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(
      `Your code did not finish within ${limitMs / 1000} s and was stopped. Look for a loop that never ends or a promise that never settles.`,
    );
    this.name = 'RunTimeoutError';
  }
}

/** How many console lines one run may send before the rest are dropped (the page stays responsive). */
export const MAX_CONSOLE_LINES = 1000;

interface SandboxWorker {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * The page's side of the sandbox. Every run gets a fresh dedicated worker, so nothing one run does
 * (globals, prototypes, timers, patched modules) can reach the next; a spare is started in the
 * background after each run, so the next one does not wait for it. The last run's worker is kept
 * until the next run, for the clock controls. A run over its time limit is stopped by terminating
 * its worker: the only way to stop a busy loop. Learner code never shares the page's thread,
 * storage or DOM.
 */
export class SandboxRunner {
  #spare: SandboxWorker | undefined;
  #last: Worker | undefined;
  #runId = 0;
  readonly #create: () => Worker;

  constructor(
    create: () => Worker = () =>
      new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' }),
  ) {
    this.#create = create;
  }

  #start(): SandboxWorker {
    const worker = this.#create();
    const ready = new Promise<void>((resolve) => {
      const onReady = (e: MessageEvent<FromWorker>) => {
        if (e.data?.type === 'ready') {
          worker.removeEventListener('message', onReady);
          resolve();
        }
      };
      worker.addEventListener('message', onReady);
    });
    return { worker, ready };
  }

  /** Starts a worker ahead of the next run (it loads the SDK clients and the emulator). */
  warm(): Promise<void> {
    this.#spare ??= this.#start();
    return this.#spare.ready;
  }

  async run(
    request: RunRequest,
    options: { timeLimitMs: number; onConsole?: (line: ConsoleLine) => void },
  ): Promise<RunResult> {
    const sandbox = this.#spare ?? this.#start();
    this.#spare = undefined;
    this.#last?.terminate();
    this.#last = undefined;
    await sandbox.ready;
    const { worker } = sandbox;
    const runId = ++this.#runId;
    let lines = 0;
    try {
      return await new Promise<RunResult>((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          worker.removeEventListener('message', onMessage);
          worker.removeEventListener('error', onError);
        };
        const onMessage = (e: MessageEvent<FromWorker>) => {
          const m = e.data;
          if (!m || typeof m !== 'object' || !('runId' in m) || m.runId !== runId) return;
          if (m.type === 'console') {
            if (++lines <= MAX_CONSOLE_LINES) options.onConsole?.(m.line);
            else if (lines === MAX_CONSOLE_LINES + 1)
              options.onConsole?.({
                level: 'warn',
                text: `… more output was dropped (over ${MAX_CONSOLE_LINES} lines).`,
              });
          } else if (m.type === 'done') {
            finish();
            if (m.result.output.length > MAX_CONSOLE_LINES)
              m.result.output = m.result.output.slice(0, MAX_CONSOLE_LINES);
            this.#last = worker;
            resolve(m.result);
          }
        };
        const onError = (e: ErrorEvent) => {
          finish();
          worker.terminate();
          reject(
            new Error(
              `The sandbox stopped unexpectedly${e.message ? `: ${e.message}` : ' (out of memory?)'}. A fresh one will run your next attempt.`,
            ),
          );
        };
        const timer = setTimeout(() => {
          finish();
          worker.terminate();
          reject(new RunTimeoutError(options.timeLimitMs));
        }, options.timeLimitMs);
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', onError);
        worker.postMessage({ type: 'run', runId, request });
      });
    } finally {
      void this.warm();
    }
  }

  /** Advances the last run's emulator in simulated time; undefined when there is no run to advance. */
  async advance(ms: number): Promise<EmulatorView | undefined> {
    const worker = this.#last;
    if (!worker) return undefined;
    const runId = ++this.#runId;
    return new Promise((resolve) => {
      const done = (view: EmulatorView | undefined) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onMessage);
        resolve(view);
      };
      const onMessage = (e: MessageEvent<FromWorker>) => {
        if (e.data?.type === 'state' && e.data.runId === runId) done(e.data.state);
      };
      const timer = setTimeout(() => done(undefined), 5000);
      worker.addEventListener('message', onMessage);
      worker.postMessage({ type: 'advance', runId, ms });
    });
  }

  /** Stops every worker (leaving the lab). */
  dispose(): void {
    this.#spare?.worker.terminate();
    this.#last?.terminate();
    this.#spare = undefined;
    this.#last = undefined;
  }
}
