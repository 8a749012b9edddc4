import type { LearnerError, RunResult } from './messages';

/** What the learner reads when a run is stopped at its time limit. */
export function timeoutMessage(limitMs: number): string {
  return `Your code did not finish within ${limitMs / 1000} s and was stopped. Look for a loop that never ends or a promise that never settles.`;
}

/** What the learner reads when the sandbox itself failed. */
export function unexpected(message?: string) {
  return `The sandbox stopped unexpectedly${message ? `: ${message}` : ' (out of memory?)'}. A fresh one will run your next attempt.`;
}

/** A run the sandbox itself could not carry out: no verdict but "not passed". */
export function failedResult(error: LearnerError): RunResult {
  return {
    passed: false,
    error,
    durationMs: 0,
    output: [],
    outputOmitted: { lines: 0, chars: 0 },
    calls: [],
    checks: [],
    state: { version: 1, now: 0, accounts: {} },
    now: 0,
  };
}
