import type { LearnerError } from '../messages';
import type { LearnerCrypto } from './webCrypto';

/** The names learner code sees in place of the globals (a shadowing scope, not a real isolation). */
export const SCOPE = [
  'require',
  'exports',
  'module',
  'console',
  'fetch',
  'Date',
  'process',
  'performance',
  'crypto',
] as const;

export interface ExecuteScope {
  require(name: string): unknown;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
  fetch: typeof fetch;
  Date: DateConstructor;
  process: { env: Record<string, string | undefined> };
  performance: { now(): number; readonly timeOrigin: number };
  /** Web Crypto for learner code (webCrypto.ts): the worker itself has no crypto.subtle. */
  crypto: LearnerCrypto;
}

export type ModuleBody = (...scope: unknown[]) => Promise<unknown>;

/**
 * Turns the transpiled module into a function of SCOPE. In the browser the learner realm has no
 * eval (its CSP forbids it): the code becomes a blob: module (learner.worker.ts); in Node it is an
 * AsyncFunction (`compileInNode`). `linesBefore`: lines the wrapper puts before the learner's first,
 * so a stack frame's line can be turned back into the learner's line.
 */
export interface Compiler {
  compile(js: string): Promise<ModuleBody>;
  /** The file name stack frames of the learner's code carry. */
  readonly fileName: string;
  linesBefore(): number;
}

/** Runs transpiled learner code as a module body (top-level await allowed); returns its exports. */
export async function execute(
  js: string,
  scope: ExecuteScope,
  compiler: Compiler,
): Promise<{ exports: Record<string, unknown>; error?: LearnerError }> {
  const module = { exports: {} as Record<string, unknown> };
  let body: ModuleBody;
  try {
    body = await compiler.compile(js);
  } catch (e) {
    return { exports: module.exports, error: toLearnerError(e, 'transpile', compiler) };
  }
  try {
    await body(
      scope.require,
      module.exports,
      module,
      scope.console,
      scope.fetch,
      scope.Date,
      scope.process,
      scope.performance,
      scope.crypto,
    );
    return { exports: module.exports };
  } catch (e) {
    return { exports: module.exports, error: toLearnerError(e, 'runtime', compiler) };
  }
}

/** An error thrown by learner code (or by something it called), located at the learner's line. */
export function toLearnerError(e: unknown, phase: 'transpile' | 'runtime', compiler: Compiler): LearnerError {
  const err = e instanceof Error ? e : new Error(String(e));
  const name = compiler.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = String(err.stack ?? '').match(new RegExp(`${name}:(\\d+):(\\d+)`));
  const line = frame ? Number(frame[1]) - compiler.linesBefore() : undefined;
  return {
    name: String(err.name || 'Error'),
    message: String(err.message).replace(/^Failed to execute '[^']+' on '[^']+': /, ''),
    ...(line !== undefined && line > 0 ? { line, column: Number(frame?.[2]) } : {}),
    phase,
  };
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => ModuleBody;

/** Node (vitest, content:check): the module body as an AsyncFunction. */
export function compileInNode(): Compiler {
  const fileName = 'learner-code.ts';
  let header: number | undefined;
  return {
    fileName,
    compile: async (js) => new AsyncFunction(...SCOPE, `${js}\n//# sourceURL=${fileName}`),
    linesBefore() {
      if (header === undefined) {
        // `new Function` and `new AsyncFunction` wrap the body in the same header: measure it once.
        const probe = new Function('throw new Error("probe")\n//# sourceURL=probe.ts');
        try {
          probe();
        } catch (e) {
          header = Number((e as Error).stack?.match(/probe\.ts:(\d+)/)?.[1] ?? 1) - 1;
        }
      }
      return header ?? 0;
    },
  };
}
