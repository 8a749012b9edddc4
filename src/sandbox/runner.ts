import type { ConsoleLine, EmulatorView, FromWorker, RunRequest, RunResult, ToWorker } from './messages';

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
  /** The worker has loaded its modules (answered its first, empty rehearsal). */
  loaded: boolean;
  /** Settles once loaded and the last rehearsal sent is answered; rejects if it failed to load. */
  settled: Promise<void>;
  rehearsed: RunRequest | undefined;
}

/** How long a run waits for a spare's rehearsal before giving up on it for an unrehearsed worker. */
export const REHEARSAL_WAIT_MS = 10_000;

/**
 * The page's side of the sandbox. Every run gets a fresh dedicated worker, so nothing one run does
 * (globals, prototypes, timers, patched modules) can reach the next. Speed comes from a spare:
 * started ahead of the run (on opening an exercise, and again after each run), it loads the SDK
 * clients and the emulator, then rehearses the exercise's reference solution (trusted code), so
 * the learner's run finds every module evaluated and compiled. A spare that a run claims before it
 * has loaded skips the rehearsal: the learner is waiting. The last run's worker is kept until the
 * next run, for the clock controls. A run over its time limit is stopped by terminating its
 * worker: the only way to stop a busy loop. Learner code never shares the page's thread, storage
 * or DOM.
 */
export class SandboxRunner {
  #spare: SandboxWorker | undefined;
  #last: Worker | undefined;
  #runId = 0;
  #rehearsal: RunRequest | undefined;
  #inFlight: Promise<RunResult> | undefined;
  readonly #create: () => Worker;

  constructor(
    create: () => Worker = () =>
      new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'sandbox' }),
  ) {
    this.#create = create;
  }

  #start(rehearse = true): SandboxWorker {
    const worker = this.#create();
    const started = performance.now();
    const sandbox: SandboxWorker = { worker, loaded: false, rehearsed: undefined, settled: Promise.resolve() };
    sandbox.settled = this.#prime(worker, undefined).then(() => {
      sandbox.loaded = true;
      // For `npm run bench`: how long a worker takes to load.
      performance.measure('sandbox:load', { start: started });
      if (rehearse && this.#spare === sandbox) return this.#rehearseIn(sandbox);
    });
    // Not every caller awaits this (a spare may be thrown away): never an unhandled rejection.
    sandbox.settled.catch(() => undefined);
    return sandbox;
  }

  /** Sends a worker a rehearsal (or, with no request, just asks it to say it has loaded). */
  #prime(worker: Worker, request: RunRequest | undefined): Promise<void> {
    const runId = ++this.#runId;
    const answered = new Promise<void>((resolve, reject) => {
      const done = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const onMessage = (e: MessageEvent<FromWorker>) => {
        if (e.data?.type === 'primed' && e.data.runId === runId) {
          done();
          resolve();
        }
      };
      const onError = (e: ErrorEvent) => {
        done();
        reject(new Error(`The sandbox could not start${e.message ? `: ${e.message}` : ''}.`));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
    });
    worker.postMessage({ type: 'prime', runId, request } satisfies ToWorker);
    return answered;
  }

  /** Has a loaded spare rehearse the current request, unless it already has. */
  #rehearseIn(sandbox: SandboxWorker): Promise<void> | undefined {
    const request = this.#rehearsal;
    if (!request || sameRequest(sandbox.rehearsed, request)) return undefined;
    sandbox.rehearsed = request;
    return this.#prime(sandbox.worker, request);
  }

  /** Starts a worker ahead of the next run; resolves once it is loaded (and rehearsed). */
  warm(): Promise<void> {
    this.#spare ??= this.#start();
    return this.#spare.settled;
  }

  /**
   * What spare workers rehearse from now on: the open exercise's reference solution. The current
   * spare rehearses it too (once it has loaded).
   */
  rehearse(request: RunRequest | undefined): void {
    this.#rehearsal = request;
    const spare = this.#spare;
    if (!spare?.loaded) return;
    const answered = this.#rehearseIn(spare);
    if (answered) {
      spare.settled = answered;
      answered.catch(() => undefined);
    }
  }

  /** A spare that is ready for a run: rehearsed, or a plain one if the rehearsal hangs. */
  async #ready(sandbox: SandboxWorker): Promise<Worker> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), REHEARSAL_WAIT_MS);
    });
    try {
      if ((await Promise.race([sandbox.settled, hung])) !== 'hung') return sandbox.worker;
    } finally {
      clearTimeout(timer);
    }
    sandbox.worker.terminate();
    const plain = this.#start(false);
    await plain.settled;
    return plain.worker;
  }

  /** Resolves when no run is in flight (the lab loads Monaco then, not while a run needs the CPU). */
  idle(): Promise<void> {
    return (
      this.#inFlight?.then(
        () => this.idle(),
        () => this.idle(),
      ) ?? Promise.resolve()
    );
  }

  run(
    request: RunRequest,
    options: { timeLimitMs: number; onConsole?: (line: ConsoleLine) => void },
  ): Promise<RunResult> {
    const running = this.#run(request, options);
    this.#inFlight = running;
    const clear = () => {
      if (this.#inFlight === running) this.#inFlight = undefined;
    };
    running.then(clear, clear);
    return running;
  }

  async #run(
    request: RunRequest,
    options: { timeLimitMs: number; onConsole?: (line: ConsoleLine) => void },
  ): Promise<RunResult> {
    const sandbox = this.#spare ?? this.#start();
    this.#spare = undefined;
    this.#last?.terminate();
    this.#last = undefined;
    const asked = performance.now();
    let worker: Worker;
    try {
      worker = await this.#ready(sandbox);
    } catch (e) {
      sandbox.worker.terminate();
      void this.warm();
      throw e;
    }
    const posted = performance.now();
    // For `npm run bench`: how long the run waited for its worker, and how long the worker took.
    performance.measure('sandbox:wait', { start: asked, end: posted });
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
          } else if (m.type === 'failed') {
            finish();
            worker.terminate();
            reject(
              new Error(`The sandbox stopped unexpectedly: ${m.message}. A fresh one will run your next attempt.`),
            );
          } else if (m.type === 'done') {
            finish();
            performance.measure('sandbox:run', { start: posted });
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
        worker.postMessage({ type: 'run', runId, request } satisfies ToWorker);
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
      worker.postMessage({ type: 'advance', runId, ms } satisfies ToWorker);
    });
  }

  /**
   * Stops every worker and forgets the rehearsal (leaving the lab). A spare still loading is
   * stopped once it has loaded (10 s at most): stopping it mid-fetch would only abort requests.
   */
  dispose(): void {
    this.#rehearsal = undefined;
    this.#last?.terminate();
    this.#last = undefined;
    const spare = this.#spare;
    this.#spare = undefined;
    if (!spare) return;
    const stop = () => {
      clearTimeout(cap);
      spare.worker.terminate();
    };
    const cap = setTimeout(stop, REHEARSAL_WAIT_MS);
    spare.settled.then(stop, stop);
  }
}

function sameRequest(a: RunRequest | undefined, b: RunRequest | undefined): boolean {
  return a?.code === b?.code && a?.exercise === b?.exercise;
}
