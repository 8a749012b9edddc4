import type { LearnerHandle } from './frame/learnerFrame';
import type { FromGrader, RunRequest, ToGrader } from './messages';

/** A grader and its learner realm: one run's two realms (runner.ts keeps a spare one ready). */
export interface Pair {
  grader: Worker;
  learner: LearnerHandle;
  /** The pair has loaded (answered its first, empty rehearsal). */
  loaded: boolean;
  /** Settles once loaded and the last rehearsal sent is answered; rejects if it failed to load. */
  settled: Promise<void>;
  /** `settled` has resolved (and no rehearsal was sent since): a run can be posted at once. */
  ready: boolean;
  rehearsed: RunRequest | undefined;
}

/** Sends a grader a rehearsal (or, with no request, just asks it to say it has loaded). */
export function prime(pair: Pair, runId: number, request: RunRequest | undefined): Promise<void> {
  const { grader } = pair;
  const answered = new Promise<void>((resolve, reject) => {
    const done = () => {
      grader.removeEventListener('message', onMessage);
      grader.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<FromGrader>) => {
      if (e.data?.type === 'primed' && e.data.runId === runId) {
        done();
        resolve();
      }
    };
    const onError = (e: ErrorEvent) => {
      done();
      reject(new Error(`The sandbox could not start${e.message ? `: ${e.message}` : ''}.`));
    };
    grader.addEventListener('message', onMessage);
    grader.addEventListener('error', onError);
    pair.learner.exited.then((message) => {
      done();
      reject(new Error(`The sandbox could not start: ${message || 'its code worker stopped'}.`));
    });
  });
  grader.postMessage({ type: 'prime', runId, request } satisfies ToGrader);
  return answered;
}

/** Makes `settled` the pair's latest promise; `ready` once it resolves (unless another came since). */
export function settle(pair: Pair, settled: Promise<void>): void {
  pair.settled = settled;
  pair.ready = false;
  settled.then(
    () => {
      if (pair.settled === settled) pair.ready = true;
    },
    () => undefined, // a spare may be thrown away unawaited
  );
}

export function stop(pair: Pair): void {
  pair.learner.kill();
  pair.grader.terminate();
}

export function sameRequest(a: RunRequest | undefined, b: RunRequest | undefined): boolean {
  return a?.code === b?.code && a?.exercise === b?.exercise;
}
