import type { SpawnLearner } from './frame/learnerFrame';
import type { ConsoleLine, EmulatorView, FromGrader, RunRequest, RunResult, ToGrader } from './messages';
import { type Pair, prime, sameRequest, settle, stop } from './pair';
import { failedResult, unexpected } from './runErrors';

/** What the runner starts: a grader worker, and a learner worker joined to it by a port. */
export interface RunnerDeps {
  createGrader(): Worker;
  spawnLearner: SpawnLearner;
  /**
   * When to start the next spare after a run: the browser waits until the result is painted, so
   * two new workers starting up do not compete with the page drawing it. Default: at once.
   */
  afterRun?(start: () => void): void;
}

/** How long a run waits for a spare's rehearsal before taking an unrehearsed pair. */
export const REHEARSAL_WAIT_MS = 10_000;
/**
 * The checks' own time limit, at least: they call the learner's functions over the port many
 * times (the caching exercises, 160 calls and more), so they get more time than the module body.
 */
export const CHECKS_TIME_LIMIT_MS = 20_000;
/** How long a grader may take to answer a stop before it is given up too. */
export const STOP_WAIT_MS = 2_000;

export interface RunOptions {
  timeLimitMs: number;
  /** Console lines as shown, in batches, while the run is under way. */
  onConsole?: (lines: ConsoleLine[]) => void;
}

/**
 * The page's side of the sandbox. Every run gets a fresh pair of realms: a grader worker (the
 * emulator, the fixture, the checks) and a learner worker (the learner's code, nothing else) in
 * the sandboxed frame, joined by one port (src/sandbox/README.md). Speed comes from a spare pair,
 * started ahead (on opening an exercise, and again after each run) that rehearses the exercise's
 * reference solution (trusted code) so the learner's run finds everything loaded and compiled. A
 * run ends with the learner worker stopped, so nothing it left behind (a timer, a loop) outlives
 * it; the grader is kept until the next run, for the clock controls and the download. A run over
 * its time limit, or whose learner worker dies, is stopped and the grader answers with what there
 * is: `run` always resolves to a result, and only the grader decides whether it passed.
 */
export class SandboxRunner {
  #spare: Pair | undefined;
  #last: Pair | undefined;
  #runId = 0;
  #rehearsal: RunRequest | undefined;
  #inFlight: Promise<RunResult> | undefined;
  /** Left the lab: no spare is started after a run that ends later. */
  #disposed = false;
  readonly #deps: RunnerDeps;

  constructor(deps: RunnerDeps) {
    this.#deps = deps;
  }

  #start(rehearse = true): Pair {
    const grader = this.#deps.createGrader();
    const channel = new MessageChannel();
    const learner = this.#deps.spawnLearner(channel.port2);
    grader.postMessage({ type: 'connect', port: channel.port1 } satisfies ToGrader, [channel.port1]);
    const started = performance.now();
    const pair: Pair = {
      grader,
      learner,
      loaded: false,
      ready: false,
      rehearsed: undefined,
      settled: Promise.resolve(),
    };
    settle(
      pair,
      this.#prime(pair, undefined).then(() => {
        pair.loaded = true;
        // For `npm run bench`: how long a pair takes to load.
        performance.measure('sandbox:load', { start: started });
        if (rehearse && this.#spare === pair) return this.#rehearseIn(pair);
      }),
    );
    return pair;
  }

  /** Sends a grader a rehearsal (or, with no request, just asks it to say it has loaded). */
  #prime(pair: Pair, request: RunRequest | undefined): Promise<void> {
    return prime(pair, ++this.#runId, request);
  }

  #rehearseIn(pair: Pair): Promise<void> | undefined {
    const request = this.#rehearsal;
    if (!request || sameRequest(pair.rehearsed, request)) return undefined;
    pair.rehearsed = request;
    return this.#prime(pair, request);
  }

  /** Starts a pair ahead of the next run; resolves once it is loaded (and rehearsed). */
  warm(): Promise<void> {
    this.#disposed = false;
    this.#spare ??= this.#start();
    return this.#spare.settled;
  }

  /** What spares rehearse from now on: the open exercise's reference solution. */
  rehearse(request: RunRequest | undefined): void {
    this.#rehearsal = request;
    const spare = this.#spare;
    if (!spare?.loaded) return;
    const answered = this.#rehearseIn(spare);
    if (answered) settle(spare, answered);
  }

  /** A spare ready for a run: rehearsed, or a plain one if the rehearsal hangs. */
  async #ready(pair: Pair): Promise<Pair> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), REHEARSAL_WAIT_MS);
    });
    try {
      if ((await Promise.race([pair.settled, hung])) !== 'hung') return pair;
    } finally {
      clearTimeout(timer);
    }
    stop(pair);
    const plain = this.#start(false);
    await plain.settled;
    return plain;
  }

  /** Resolves when no run is in flight (the lab loads Monaco then). */
  idle(): Promise<void> {
    return (
      this.#inFlight?.then(
        () => this.idle(),
        () => this.idle(),
      ) ?? Promise.resolve()
    );
  }

  run(request: RunRequest, options: RunOptions): Promise<RunResult> {
    const running = this.#run(request, options);
    this.#inFlight = running;
    const clear = () => {
      if (this.#inFlight === running) this.#inFlight = undefined;
    };
    running.then(clear, clear);
    return running;
  }

  async #run(request: RunRequest, options: RunOptions): Promise<RunResult> {
    const claimed = this.#spare ?? this.#start();
    this.#spare = undefined;
    // The last run's pair goes (its grader served the clock controls): after this run is posted
    // when that can be at once, else now.
    let last = this.#last;
    this.#last = undefined;
    const asked = performance.now();
    let pair = claimed;
    // A spare that is ready gets the run at once, in this task: no promise turn (and no render of
    // the page's "Running…" state, queued meanwhile) comes before the grader has the code.
    if (!claimed.ready) {
      if (last) stop(last);
      last = undefined;
      try {
        pair = await this.#ready(claimed);
      } catch (e) {
        stop(claimed);
        void this.warm();
        return failedResult({ name: 'SandboxError', message: (e as Error).message, phase: 'sandbox' });
      }
    }
    const posted = performance.now();
    // For `npm run bench`: how long the run waited for its pair, and how long the pair took.
    performance.measure('sandbox:wait', { start: asked, end: posted });
    const runId = ++this.#runId;
    const { grader, learner } = pair;
    try {
      return await new Promise<RunResult>((resolve) => {
        let backstop: ReturnType<typeof setTimeout> | undefined;
        const finish = (result: RunResult, keep: boolean) => {
          clearTimeout(timer);
          clearTimeout(backstop);
          grader.removeEventListener('message', onMessage);
          grader.removeEventListener('error', onError);
          learner.kill();
          if (keep) this.#last = pair;
          else grader.terminate();
          resolve(result);
        };
        // Time is up, or the learner realm died: its worker goes, and the grader reports what there is.
        let limitMs = options.timeLimitMs;
        const halt = (reason: 'timeout' | 'crashed', message?: string) => {
          learner.kill();
          grader.postMessage({ type: 'stop', runId, reason, limitMs, message } satisfies ToGrader);
          backstop ??= setTimeout(
            () => finish(failedResult({ name: 'SandboxError', message: unexpected(), phase: 'sandbox' }), false),
            STOP_WAIT_MS,
          );
        };
        const onMessage = (e: MessageEvent<FromGrader>) => {
          const m = e.data;
          if (!m || typeof m !== 'object' || !('runId' in m) || m.runId !== runId) return;
          if (m.type === 'console') options.onConsole?.(m.lines);
          else if (m.type === 'checking') {
            clearTimeout(timer);
            limitMs = Math.max(options.timeLimitMs, CHECKS_TIME_LIMIT_MS);
            timer = setTimeout(() => halt('timeout'), limitMs);
          } else if (m.type === 'failed')
            finish(failedResult({ name: 'SandboxError', message: unexpected(m.message), phase: 'sandbox' }), false);
          else if (m.type === 'done') {
            performance.measure('sandbox:run', { start: posted });
            finish(m.result, true);
          }
        };
        const onError = (e: ErrorEvent) =>
          finish(failedResult({ name: 'SandboxError', message: unexpected(e.message), phase: 'sandbox' }), false);
        let timer = setTimeout(() => halt('timeout'), options.timeLimitMs);
        learner.exited.then((message) => halt('crashed', message));
        grader.addEventListener('message', onMessage);
        grader.addEventListener('error', onError);
        grader.postMessage({ type: 'run', runId, request } satisfies ToGrader);
        if (last) stop(last);
      });
    } finally {
      const next = () => {
        if (!this.#disposed) void this.warm();
      };
      if (this.#deps.afterRun) this.#deps.afterRun(next);
      else next();
    }
  }

  /** Advances the last run's emulator in simulated time; undefined when there is no run to advance. */
  advance(ms: number): Promise<EmulatorView | undefined> {
    return this.#ask<EmulatorView>({ type: 'advance', runId: 0, ms }, 'state', (m) => m.type === 'state' && m.state);
  }

  /** The last run's whole console output (up to LIMITS.transcriptChars), for the download. */
  transcript(): Promise<string | undefined> {
    return this.#ask<string>({ type: 'transcript', runId: 0 }, 'transcript', (m) => m.type === 'transcript' && m.text);
  }

  #ask<T>(
    message: Extract<ToGrader, { type: 'advance' | 'transcript' }>,
    type: FromGrader['type'],
    pick: (m: FromGrader) => T | false,
  ): Promise<T | undefined> {
    const grader = this.#last?.grader;
    if (!grader) return Promise.resolve(undefined);
    const runId = ++this.#runId;
    return new Promise((resolve) => {
      const done = (value: T | undefined) => {
        clearTimeout(timer);
        grader.removeEventListener('message', onMessage);
        resolve(value);
      };
      const onMessage = (e: MessageEvent<FromGrader>) => {
        if (e.data?.type === type && e.data.runId === runId) done(pick(e.data) || undefined);
      };
      const timer = setTimeout(() => done(undefined), 5000);
      grader.addEventListener('message', onMessage);
      grader.postMessage({ ...message, runId } satisfies ToGrader);
    });
  }

  /**
   * Stops every worker and forgets the rehearsal (leaving the lab). A spare still loading is
   * stopped once it has loaded (10 s at most): stopping it mid-fetch would only abort requests.
   */
  dispose(): void {
    this.#disposed = true;
    this.#rehearsal = undefined;
    if (this.#last) stop(this.#last);
    this.#last = undefined;
    const spare = this.#spare;
    this.#spare = undefined;
    if (!spare) return;
    const end = () => {
      clearTimeout(cap);
      stop(spare);
    };
    const cap = setTimeout(end, REHEARSAL_WAIT_MS);
    spare.settled.then(end, end);
  }
}
