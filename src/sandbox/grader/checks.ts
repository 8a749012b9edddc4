import type { RequestHandler } from 'msw';
import { connect } from '../../aws/db/client';
import type { Emulator } from '../../aws/emulator';
import { type CheckContext, CheckFailure, type CheckTask } from '../checkKit';
import type { CheckResult, LearnerError } from '../messages';
import { checkClient, handlerFetch } from './checkClients';
import type { RunOutput } from './output';

export interface CheckRun {
  exports: Record<string, unknown>;
  output: Pick<RunOutput, 'transcript' | 'whole' | 'lost'>;
  error: LearnerError | undefined;
  emulator: Emulator;
  handlers: RequestHandler[];
}

/** Runs an exercise's checks in order, in the grader, against the run's emulator and the learner's exports. */
export async function runChecks(tasks: CheckTask[], run: CheckRun): Promise<CheckResult[]> {
  const { emulator } = run;
  const fetchImpl = handlerFetch(run.handlers);
  const fail = (message: string): never => {
    throw new CheckFailure(message);
  };
  const ctx: CheckContext = {
    exports: run.exports,
    // Fails closed: a check that reads the output of a run that printed more than the grader keeps
    // fails, whatever it looks for (a password printed after 8 M characters of junk is not "absent").
    get output() {
      if (!run.output.whole()) fail(truncatedOutput(run.output.lost().chars));
      return run.output.transcript;
    },
    error: run.error,
    emulator,
    sm: checkClient('@aws-sdk/client-secrets-manager', fetchImpl, (m, config) => new m.SecretsManagerClient(config)),
    ssm: checkClient('@aws-sdk/client-ssm', fetchImpl, (m, config) => new m.SSMClient(config)),
    kms: checkClient('@aws-sdk/client-kms', fetchImpl, (m, config) => new m.KMSClient(config)),
    calls: (service, operation) =>
      emulator.log
        .entries()
        .filter(
          (e) =>
            e.source === 'request' && (!service || e.service === service) && (!operation || e.operation === operation),
        ),
    db: { connect: (options) => connect(emulator.databases, options, 'check') },
    advance: (duration) => emulator.advance(duration),
    fail,
    expect: (condition, message) => {
      if (!condition) fail(message);
    },
  };
  const results: CheckResult[] = [];
  for (const task of tasks) {
    try {
      await task.run(ctx);
      results.push({ id: task.id, title: task.title, passed: true });
    } catch (e) {
      const message =
        e instanceof CheckFailure
          ? e.message
          : `The check stopped with ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
      results.push({ id: task.id, title: task.title, passed: false, message });
    }
  }
  return results;
}

/** The verdict, from the grader's own results only: the code ran and every check passed. */
export function verdict(checks: readonly CheckResult[], error: LearnerError | undefined): boolean {
  if (error !== undefined || checks.length === 0) return false;
  for (const c of checks) if (c.passed !== true) return false;
  return true;
}

function truncatedOutput(chars: number): string {
  return (
    `Your code printed more than the checks can read (${chars.toLocaleString('en')} characters were not kept), ` +
    'so this check cannot tell what your output holds: print less (a line or two per step), then run again.'
  );
}
