import type { CallLogEntry } from '../aws/core/callLog';
import type { EmulatorSnapshot } from '../aws/emulator';

/** Every message between the page and the sandbox worker: one union on `type`, in one file. */
export type ToWorker =
  | { type: 'run'; runId: number; request: RunRequest }
  /**
   * Rehearses a run of trusted code (the exercise's reference solution) in a spare worker, so the
   * learner's run finds the SDK, the emulator and the checks loaded and compiled. Nothing of it is
   * kept or shown: the learner's run builds its own emulator. No request: just say when loaded.
   */
  | { type: 'prime'; runId: number; request?: RunRequest }
  /** Moves the last run's emulator forward in simulated time (scheduled rotations, TTLs fall due). */
  | { type: 'advance'; runId: number; ms: number };

export type FromWorker =
  | { type: 'primed'; runId: number }
  /** The worker itself failed during a run (not the learner's code: that is reported in `done`). */
  | { type: 'failed'; runId: number; message: string }
  | { type: 'console'; runId: number; line: ConsoleLine }
  | { type: 'done'; runId: number; result: RunResult }
  | { type: 'state'; runId: number; state: EmulatorView };

/** The emulator as the inspector draws it. */
export interface EmulatorView {
  state: EmulatorSnapshot;
  calls: CallLogEntry[];
  now: number;
}

export interface RunRequest {
  /** The learner's TypeScript. */
  code: string;
  /** Exercise whose fixture and checks apply; none for a free run. */
  exercise?: string;
}

export interface ConsoleLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

export interface LearnerError {
  name: string;
  message: string;
  /** Line in the learner's code, when the error came from there. */
  line?: number;
  column?: number;
  /** 'transpile': the code could not be read; 'runtime': it threw; 'timeout': it did not finish. */
  phase: 'transpile' | 'runtime' | 'timeout' | 'sandbox';
}

export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** For a failure: what is wrong and what to do next. */
  message?: string;
}

export interface RunResult {
  ok: boolean;
  error?: LearnerError;
  /** Milliseconds spent running the learner's code (not the checks). */
  durationMs: number;
  output: ConsoleLine[];
  calls: CallLogEntry[];
  checks: CheckResult[];
  /** The emulator after the run, for the inspector. */
  state: EmulatorSnapshot;
  /** Simulated time at the end of the run, epoch ms. */
  now: number;
}
