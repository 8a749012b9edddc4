import type { LearnerError } from './messages';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/** The names learner code sees in place of the globals (a shadowing scope, not a real isolation). */
const SCOPE = ['require', 'exports', 'module', 'console', 'fetch', 'Date', 'process'] as const;

export interface ExecuteScope {
  require(name: string): unknown;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
  fetch: typeof fetch;
  Date: DateConstructor;
  process: { env: Record<string, string | undefined> };
}

/**
 * How many lines the engine puts before a function body built with `new AsyncFunction(...)`:
 * measured once, so a stack frame's line can be turned back into the learner's line.
 */
let headerLines: number | undefined;
function bodyOffset(): number {
  if (headerLines === undefined) {
    // `new Function` and `new AsyncFunction` wrap the body in the same header.
    const fn = new Function('throw new Error("probe")\n//# sourceURL=probe.ts');
    try {
      fn();
    } catch (e) {
      const line = Number((e as Error).stack?.match(/probe\.ts:(\d+)/)?.[1] ?? 1);
      headerLines = line - 1;
    }
  }
  return headerLines ?? 0;
}

/** Runs transpiled learner code as a module body (top-level await allowed); returns its exports. */
export async function execute(
  js: string,
  scope: ExecuteScope,
): Promise<{ exports: Record<string, unknown>; error?: LearnerError }> {
  const module = { exports: {} as Record<string, unknown> };
  let fn: (...args: unknown[]) => Promise<unknown>;
  try {
    fn = new AsyncFunction(...SCOPE, `${js}\n//# sourceURL=main.ts`);
  } catch (e) {
    return { exports: module.exports, error: toLearnerError(e, 'transpile') };
  }
  try {
    await fn(scope.require, module.exports, module, scope.console, scope.fetch, scope.Date, scope.process);
    return { exports: module.exports };
  } catch (e) {
    return { exports: module.exports, error: toLearnerError(e, 'runtime') };
  }
}

/** An error thrown by learner code (or by something it called), located at the learner's line. */
export function toLearnerError(e: unknown, phase: LearnerError['phase']): LearnerError {
  const err = e instanceof Error ? e : new Error(String(e));
  const frame = err.stack?.match(/main\.ts:(\d+):(\d+)/);
  const offset = phase === 'runtime' ? bodyOffset() : 0;
  return {
    name: err.name || 'Error',
    message: err.message,
    line: frame ? Number(frame[1]) - offset : undefined,
    column: frame ? Number(frame[2]) : undefined,
    phase,
  };
}
