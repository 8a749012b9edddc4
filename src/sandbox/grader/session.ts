import type { RequestHandler } from 'msw';
import { createHandlers } from '../../aws/adapters/awsHandlers';
import { createExtensionHandlers } from '../../aws/adapters/extensionHandlers';
import { createEmulator, type Emulator } from '../../aws/emulator';
import type { Fixture } from '../../schema/fixture';
import type { CheckTask } from '../checkKit';
import type { CheckResult, LearnerError, RunResult } from '../messages';
import { SANDBOX_REGION } from '../sdkModules';
import { transpile } from '../transpile';
import { runChecks, verdict } from './checks';
import { applyFixture } from './fixture';
import type { LearnerLink } from './learnerLink';
import { RunOutput } from './output';

export interface SessionExercise {
  fixture: Fixture;
  tasks: CheckTask[];
}

export interface SessionOptions {
  /** Console lines as shown (cut to the display limits), as they arrive. */
  onConsole?: RunOutput['onDisplay'];
  /** The module has run and the checks start. */
  onChecking?: () => void;
  /** Receives the run's emulator (the grader keeps it for the clock controls). */
  onEmulator?: (emulator: Emulator) => void;
  /** MSW handlers in front of the emulator's; default: the Lambda extension on localhost:2773 (default TTLs). */
  extraHandlers?: (emulator: Emulator) => RequestHandler[];
  /** The run's world, made ahead by `prepareWorld` for this exercise (unused by anything before). */
  world?: World;
}

/** A run's world before any code runs: a fresh emulator with the fixture applied, and its handlers. */
export interface World {
  emulator: Emulator;
  handlers: RequestHandler[];
  /** The fixture's extra environment variables, once applied; rejects if the fixture is broken. */
  env: Promise<Record<string, string>>;
}

/**
 * Makes a run's world: what every run starts from, the same each time (the emulator is seeded and
 * its clock simulated), so the grader can make the next run's while it waits for the click.
 */
export function prepareWorld(
  exercise: SessionExercise | undefined,
  extraHandlers: SessionOptions['extraHandlers'] = createExtensionHandlers,
): World {
  const emulator = createEmulator({ seed: 7 });
  const handlers = [...extraHandlers(emulator), ...createHandlers(emulator)];
  const env = exercise ? applyFixture(emulator, exercise.fixture) : Promise.resolve({});
  env.catch(() => undefined); // reported by the run that uses it
  return { emulator, handlers, env };
}

/** What learner code finds in process.env, as a Lambda function would. */
export const SANDBOX_ENV = {
  AWS_REGION: SANDBOX_REGION,
  AWS_DEFAULT_REGION: SANDBOX_REGION,
  AWS_SESSION_TOKEN: 'sandbox-session-token',
  ENVIRONMENT: 'dev',
};

export interface Session {
  result: Promise<RunResult>;
  output: RunOutput;
  /** Ends the run at once with this error (time is up, the learner realm died): the result says so. */
  stop(error: LearnerError): void;
}

/**
 * One run, in the grader: a fresh emulator from the exercise's fixture (`options.world`, or made
 * now), the learner's code run in the learner realm (through `link`), then the checks, here,
 * against the emulator's own call log and state and the learner's exports. The verdict is computed here and nowhere else.
 * Environment-free: the grader worker and Node (inProcess.ts) both call this.
 */
export function startSession(
  code: string,
  exercise: SessionExercise | undefined,
  link: LearnerLink,
  options: SessionOptions = {},
): Session {
  const { emulator, handlers, env: fixtureEnv } = options.world ?? prepareWorld(exercise, options.extraHandlers);
  options.onEmulator?.(emulator);
  const output = new RunOutput(options.onConsole);
  let halt: (error: LearnerError) => void = () => undefined;
  const halted = new Promise<never>((_, reject) => {
    halt = reject;
  });
  halted.catch(() => undefined);
  link.attach({
    emulator,
    handlers,
    onConsole: (lines, omitted) => output.add(lines, omitted),
    onViolation: (message) => halt({ name: 'SandboxError', message, phase: 'sandbox' }),
  });

  let error: LearnerError | undefined;
  let durationMs = 0;
  let checks: CheckResult[] = [];
  const work = async () => {
    const env = await fixtureEnv;
    const js = transpile(code);
    if (js.error) {
      error = { name: 'SyntaxError', message: js.error.message, ...position(js.error), phase: 'transpile' };
    } else {
      const started = performance.now();
      const loaded = await link.load(js.code ?? '', { ...SANDBOX_ENV, ...env });
      durationMs = performance.now() - started;
      error = loaded.error;
      // The code did not run to its end: no check can pass, and none is run.
      if (exercise && !error) {
        options.onChecking?.();
        checks = await runChecks(exercise.tasks, {
          exports: loaded.exports,
          output,
          error,
          emulator,
          handlers,
        });
      }
    }
  };
  const result = Promise.race([work(), halted])
    .catch((e: unknown) => {
      error = isLearnerError(e)
        ? e
        : { name: 'SandboxError', message: String((e as Error)?.message ?? e), phase: 'sandbox' };
    })
    .then((): RunResult => {
      link.attach({ emulator, handlers, onConsole: () => undefined, onViolation: () => undefined });
      if (error)
        checks = (exercise?.tasks ?? []).map((t) => ({ id: t.id, title: t.title, passed: false, skipped: true }));
      return {
        passed: exercise !== undefined && verdict(checks, error),
        ...(error ? { error } : {}),
        durationMs: Math.round(durationMs * 10) / 10,
        output: output.display,
        outputOmitted: output.omitted(),
        calls: emulator.log.entries().filter((e) => e.source !== 'check'),
        checks,
        state: emulator.snapshot(),
        now: emulator.clock.now(),
      };
    });
  return { result, output, stop: (e) => halt(e) };
}

function position(e: { line?: number; column?: number }) {
  return e.line !== undefined ? { line: e.line, ...(e.column !== undefined ? { column: e.column } : {}) } : {};
}

function isLearnerError(e: unknown): e is LearnerError {
  return typeof e === 'object' && e !== null && 'phase' in e && 'message' in e && 'name' in e && !(e instanceof Error);
}
