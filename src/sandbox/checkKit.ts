import type { KMSClient } from '@aws-sdk/client-kms';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { CallLogEntry } from '../aws/core/callLog';
import type { Connection, ConnectOptions } from '../aws/db/client';
import type { Emulator } from '../aws/emulator';
import type { ConsoleLine, LearnerError } from './messages';

/**
 * What an exercise's `checks.ts` gets: the run's outcome and ways to probe it. Checks are
 * instructor code; they run in the grader, after the learner's module has run in its own realm
 * (src/sandbox/README.md), in the browser and in Node.
 */
export interface CheckContext {
  /**
   * What the learner's module exported (`export const handler = ...`), as it was when the module
   * finished. Values are structured clones; every function is a call into the learner realm and
   * returns a Promise (even a synchronous one); an error it throws arrives as an `Error` with the
   * thrown error's name, message, `cause` and own fields.
   */
  exports: Record<string, unknown>;
  /**
   * Console output of the run so far, as the grader kept it. Reading it fails the check (with a
   * message to print less) when the run printed more than the grader keeps (LIMITS.transcriptChars,
   * or a line over LIMITS.lineChars): a check never judges output it could not see.
   */
  output: readonly ConsoleLine[];
  /** Always undefined: checks run only when the learner's module ran without error (kept for older checks). */
  error: LearnerError | undefined;
  /** Calls made by the learner's code (never the checks' own), optionally filtered. */
  calls(service?: CallLogEntry['service'], operation?: string): CallLogEntry[];
  emulator: Emulator;
  /** SDK clients for the checks' own look-ups (`t.sm.send(command)`); their calls are not counted as the learner's. */
  sm: Pick<SecretsManagerClient, 'send'>;
  ssm: Pick<SSMClient, 'send'>;
  kms: Pick<KMSClient, 'send'>;
  /**
   * The simulated databases, for the checks' own logins (`t.db.connect({ host, port, user, password, database })`):
   * logged as the checks', never as the learner's.
   */
  db: { connect(options: ConnectOptions): Promise<Connection> };
  /** Moves simulated time forward ("30 days", "6 minutes" or ms), running what falls due on the way (scheduled rotations...). */
  advance(duration: number | string): Promise<void>;
  /** Fails the task with a message that tells the learner what to do next. */
  fail(message: string): never;
  /** `fail(message)` unless the condition holds. */
  expect(condition: unknown, message: string): void;
}

export interface CheckTask {
  id: string;
  title: string;
  run(t: CheckContext): void | Promise<void>;
}

export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** An exercise's checks, in the order they are reported. */
export function defineChecks(tasks: CheckTask[]): CheckTask[] {
  return tasks;
}

/** Durations are read one way everywhere: the emulator's parser. */
export { parseDuration } from '../aws/scheduler/duration';
