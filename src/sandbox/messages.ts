import type { CallLogEntry } from '../aws/core/callLog';
import type { EmulatorSnapshot } from '../aws/emulator';

/**
 * Every message between the page and the grader worker: one union on `type`, in one file. Both
 * sides are trusted code; the learner realm never reaches this channel (see protocol.ts for its own).
 */
export type ToGrader =
  /** The port to this grader's learner realm (sent once, first). */
  | { type: 'connect'; port: MessagePort }
  /**
   * Rehearses a run of trusted code (the exercise's reference solution) with the learner realm, so
   * the learner's run finds the SDK, the emulator and the checks loaded and compiled. Nothing of it
   * is kept or shown. No request: just say when loaded (the learner realm included).
   */
  | { type: 'prime'; runId: number; request?: RunRequest }
  | { type: 'run'; runId: number; request: RunRequest }
  /** The run's time is up, or its learner realm died: answer with what there is (a `done`). */
  | { type: 'stop'; runId: number; reason: 'timeout' | 'crashed'; limitMs: number; message?: string }
  /** Moves the last run's emulator forward in simulated time (scheduled rotations, TTLs fall due). */
  | { type: 'advance'; runId: number; ms: number }
  /** The last run's whole console output, as text (bounded: LIMITS.transcriptChars). */
  | { type: 'transcript'; runId: number };

export type FromGrader =
  | { type: 'primed'; runId: number }
  /** The grader itself failed during a run (not the learner's code: that is reported in `done`). */
  | { type: 'failed'; runId: number; message: string }
  | { type: 'console'; runId: number; lines: ConsoleLine[] }
  /** The learner's module has run; the checks start (their own time limit starts now). */
  | { type: 'checking'; runId: number }
  | { type: 'done'; runId: number; result: RunResult }
  | { type: 'state'; runId: number; state: EmulatorView }
  | { type: 'transcript'; runId: number; text: string };

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
  /**
   * 'transpile': the code could not be read; 'runtime': it threw while running; 'timeout': it did
   * not finish in time; 'sandbox': the sandbox itself failed (or the learner realm broke its rules).
   */
  phase: 'transpile' | 'runtime' | 'timeout' | 'sandbox';
}

export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** For a failure: what is wrong and what to do next. */
  message?: string;
  /** The check did not run: the code itself failed first (its error says why). */
  skipped?: boolean;
}

export interface RunResult {
  /**
   * The verdict, computed by the grader from its own check results: true only when the code ran
   * without error and every check of the exercise passed. The page records a pass from this alone.
   */
  passed: boolean;
  error?: LearnerError;
  /** Milliseconds the learner's module took to run (measured by the grader; not the checks). */
  durationMs: number;
  /** Console output as shown: at most LIMITS.displayLines lines, each cut at LIMITS.displayLineChars. */
  output: ConsoleLine[];
  /** What the output above leaves out (the download has more, up to LIMITS.transcriptChars). */
  outputOmitted: { lines: number; chars: number };
  calls: CallLogEntry[];
  checks: CheckResult[];
  /** The emulator after the run, for the inspector. */
  state: EmulatorSnapshot;
  /** Simulated time at the end of the run, epoch ms. */
  now: number;
}
