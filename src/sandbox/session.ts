import type { RequestHandler } from 'msw';
import { createHandlers } from '../aws/adapters/awsHandlers';
import { createExtensionHandlers } from '../aws/adapters/extensionHandlers';
import { connect } from '../aws/db/client';
import { createEmulator, type Emulator } from '../aws/emulator';
import type { Fixture } from '../schema/fixture';
import { type CheckContext, CheckFailure, type CheckTask } from './checkKit';
import { courseModules } from './courseModules';
import { execute, toLearnerError } from './execute';
import { applyFixture } from './fixture';
import { formatArgs } from './format';
import type { CheckResult, ConsoleLine, LearnerError, RunResult } from './messages';
import { lockNetwork, sandboxFetch } from './network';
import {
  loadSdkPackage,
  requiredSdkPackages,
  SANDBOX_REGION,
  SDK_PACKAGES,
  type SdkPackage,
  type SdkPackageModule,
  sandboxClientConfig,
} from './sdkModules';
import { transpile } from './transpile';

export interface SessionExercise {
  fixture: Fixture;
  tasks: CheckTask[];
}

export interface SessionOptions {
  onConsole?: (line: ConsoleLine) => void;
  /** Receives the run's emulator (the worker keeps it for the clock controls). */
  onEmulator?: (emulator: Emulator) => void;
  /** MSW handlers in front of the emulator's; default: the Lambda extension on localhost:2773 (default TTLs). */
  extraHandlers?: (emulator: Emulator) => RequestHandler[];
}

/** Header the checks' own SDK clients send, so their calls are told apart from the learner's. */
export const CHECK_HEADER = 'x-secrets-lab-source';

/**
 * One run: a fresh emulator from the exercise's fixture, the learner's code with the SDK and course
 * modules, then the checks. Environment-free: the sandbox worker and vitest both call this.
 */
export async function runSession(
  code: string,
  exercise: SessionExercise | undefined,
  options: SessionOptions = {},
): Promise<RunResult> {
  const emulator = createEmulator({ seed: 7 });
  options.onEmulator?.(emulator);
  const output: ConsoleLine[] = [];
  const push = (level: ConsoleLine['level'], args: unknown[]) => {
    const line = { level, text: formatArgs(args) };
    output.push(line);
    options.onConsole?.(line);
  };
  const extra = options.extraHandlers ?? ((e: Emulator) => createExtensionHandlers(e));
  const handlers = [...extra(emulator), ...createHandlers(emulator)];
  const restore = lockNetwork(sandboxFetch(handlers));
  let error: LearnerError | undefined;
  let exports: Record<string, unknown> = {};
  let durationMs = 0;
  const checks: CheckResult[] = [];
  try {
    if (exercise) await applyFixture(emulator, exercise.fixture);
    const js = transpile(code);
    if (js.error) {
      error = {
        name: 'SyntaxError',
        message: js.error.message,
        line: js.error.line,
        column: js.error.column,
        phase: 'transpile',
      };
    } else {
      const course = courseModules(emulator);
      const available = [...SDK_PACKAGES, ...Object.keys(course)];
      const sdk = await Promise.all(
        requiredSdkPackages(js.code ?? '').map(async (name) => [name, await loadSdkPackage(name)] as const),
      );
      const modules: Record<string, unknown> = { ...Object.fromEntries(sdk), ...course };
      const started = performance.now();
      const result = await execute(js.code ?? '', {
        require: (name: string) => {
          if (Object.hasOwn(modules, name)) return modules[name];
          throw new Error(`Cannot import '${name}' in the sandbox. Available: ${available.join(', ')}`);
        },
        console: {
          log: (...a: unknown[]) => push('log', a),
          info: (...a: unknown[]) => push('info', a),
          debug: (...a: unknown[]) => push('log', a),
          warn: (...a: unknown[]) => push('warn', a),
          error: (...a: unknown[]) => push('error', a),
        },
        fetch: globalThis.fetch,
        Date: simulatedDate(() => emulator.clock.now()),
        process: {
          env: {
            AWS_REGION: SANDBOX_REGION,
            AWS_DEFAULT_REGION: SANDBOX_REGION,
            AWS_SESSION_TOKEN: 'sandbox-session-token',
            ENVIRONMENT: 'dev',
          },
        },
      });
      durationMs = performance.now() - started;
      exports = result.exports;
      error = result.error;
    }
    if (exercise) checks.push(...(await runChecks(exercise.tasks, emulator, { exports, output, error })));
  } catch (e) {
    error ??= { ...toLearnerError(e, 'sandbox') };
  } finally {
    restore();
  }
  return {
    ok: !error && checks.every((c) => c.passed),
    error,
    durationMs: Math.round(durationMs * 10) / 10,
    output,
    calls: [...emulator.log.entries()].filter((e) => e.source !== 'check'),
    checks,
    state: emulator.snapshot(),
    now: emulator.clock.now(),
  };
}

async function runChecks(
  tasks: CheckTask[],
  emulator: Emulator,
  run: { exports: Record<string, unknown>; output: ConsoleLine[]; error: LearnerError | undefined },
): Promise<CheckResult[]> {
  const clients = {
    sm: checkClient('@aws-sdk/client-secrets-manager', (m, config) => new m.SecretsManagerClient(config)),
    ssm: checkClient('@aws-sdk/client-ssm', (m, config) => new m.SSMClient(config)),
    kms: checkClient('@aws-sdk/client-kms', (m, config) => new m.KMSClient(config)),
  };
  const fail = (message: string): never => {
    throw new CheckFailure(message);
  };
  const ctx: CheckContext = {
    ...run,
    emulator,
    ...clients,
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

type Sendable = { send(...args: never[]): Promise<unknown>; middlewareStack: unknown };

/**
 * An SDK client for the checks' own look-ups, created (and its package loaded) on its first call:
 * a check that never asks SSM does not load it. Its requests carry CHECK_HEADER, so the call log
 * tells them apart from the learner's.
 */
function checkClient<P extends SdkPackage, C extends Sendable>(
  name: P,
  create: (pkg: SdkPackageModule<P>, config: object) => C,
): Pick<C, 'send'> {
  let client: Promise<C> | undefined;
  const make = async () => {
    const made = create(await loadSdkPackage(name), { ...sandboxClientConfig(), maxAttempts: 1 });
    type Next = (args: { request: unknown }) => Promise<unknown>;
    (made.middlewareStack as { add(mw: (next: Next) => Next, options: object): void }).add(
      (next) => async (args) => {
        const request = args.request as { headers?: Record<string, string> };
        if (request.headers) request.headers[CHECK_HEADER] = 'check';
        return next(args);
      },
      { step: 'build', name: 'secretsLabCheckSource' },
    );
    return made;
  };
  const send = (...args: unknown[]) => {
    client ??= make();
    return client.then((c) => (c.send as (...a: unknown[]) => Promise<unknown>)(...args));
  };
  return { send } as Pick<C, 'send'>;
}

/** `Date` for learner code: real dates, but "now" is the emulator's simulated clock. */
function simulatedDate(now: () => number): DateConstructor {
  const Real = Date;
  const Sim = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new Real(now()).toString();
    return args.length === 0 ? new Real(now()) : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  Object.setPrototypeOf(Sim, Real);
  Object.defineProperty(Sim, 'prototype', { value: Real.prototype });
  Sim.now = now;
  return Sim;
}
