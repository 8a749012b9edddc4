import { LIMITS } from '../limits';
import type { CourseCall, FromLearner, SentLine, ToLearner, WireRequest } from '../protocol';
import { LAZY_SDK_PACKAGES, requiredSdkPackages, SDK_PACKAGES, sandboxSdkPackage } from '../sdkModules';
import { decode, encode } from '../wire';
import { courseModules, type LearnerClock } from './courseModules';
import { type Compiler, execute } from './execute';
import { formatArgs } from './format';
import { SandboxNetworkError } from './network';
import { learnerCrypto } from './webCrypto';

/** The learner realm's end of the port: what it needs from MessagePort (Node's and the browser's). */
export interface LearnerPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface LearnerRealm {
  /** The realm's `fetch`: a request goes over the port, the grader's MSW handlers answer it. */
  fetch: typeof fetch;
}

/**
 * The learner realm: runs the learner's module and the calls the grader makes into it, and holds
 * nothing else. Its `fetch`, its course modules and its clock all go through the one port to the
 * grader; console output goes there too, in batches, cut to the sandbox's limits. The worker file
 * (learner.worker.ts) only wires this to its port; Node tests run it in-process.
 */
export function startLearner(port: LearnerPort, compiler: Compiler): LearnerRealm {
  // Learner code may patch MessagePort.prototype later: keep the real method.
  const post = port.postMessage.bind(port) as (m: FromLearner, transfer?: Transferable[]) => void;
  let now = 0;
  let timeOrigin: number | undefined;
  let perf = 0;
  const clock: LearnerClock = {
    now: () => now,
    moveTo: (ms) => {
      if (ms > now) now = ms;
    },
  };
  let seq = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const ask = (message: (id: number) => FromLearner, transfer?: Transferable[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve, reject });
      flush();
      post(message(id), transfer);
    });

  // Console output: batched, each line cut at LIMITS.lineChars (the rest counted on the line as
  // `cut`), and nothing sent past the run's budget of what the grader keeps (whole lines counted).
  let batch: SentLine[] = [];
  let batchChars = 0;
  let sentChars = 0;
  let sentLines = 0;
  const omitted = { lines: 0, chars: 0 };
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  // The count of lines not sent goes with the next batch, or alone before the realm answers
  // (`loaded`, `returned`, a request): a run whose last lines were all over budget still says so.
  let toldLines = 0;
  function flush() {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (batch.length === 0 && omitted.lines === toldLines) return;
    toldLines = omitted.lines;
    post({ type: 'console', lines: batch, omitted: { ...omitted } });
    batch = [];
    batchChars = 0;
  }
  // Each module load starts a run with its own budget (a pair may have rehearsed the solution first).
  const newRun = () => {
    flush();
    sentChars = 0;
    sentLines = 0;
    toldLines = 0;
    omitted.lines = 0;
    omitted.chars = 0;
  };
  const write = (level: SentLine['level'], args: unknown[]) => {
    const whole = formatArgs(args);
    const room = Math.min(LIMITS.lineChars, LIMITS.transcriptChars - sentChars);
    if (room <= 0 || sentLines >= LIMITS.transcriptLines) {
      omitted.lines++;
      omitted.chars += whole.length;
      return;
    }
    const line: SentLine = { level, text: whole.length > room ? whole.slice(0, room) : whole };
    if (whole.length > room) line.cut = whole.length - room;
    sentChars += line.text.length;
    sentLines++;
    batch.push(line);
    batchChars += line.text.length;
    if (batch.length >= 500 || batchChars >= LIMITS.batchChars - LIMITS.lineChars) flush();
    else flushTimer ??= setTimeout(flush, 16);
  };
  const learnerConsole = {
    log: (...a: unknown[]) => write('log', a),
    info: (...a: unknown[]) => write('info', a),
    debug: (...a: unknown[]) => write('log', a),
    warn: (...a: unknown[]) => write('warn', a),
    error: (...a: unknown[]) => write('error', a),
  };

  const realmFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
    const wire: WireRequest = { method: request.method, url: request.url, headers: [...request.headers] };
    if (body) wire.body = body;
    const answer = (await ask((id) => ({ type: 'fetch', id, request: wire }), body ? [body] : [])) as {
      status: number;
      statusText: string;
      headers: [string, string][];
      body: ArrayBuffer;
    };
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };
  const course = courseModules(clock, (call: CourseCall, args) =>
    ask((id) => ({ type: 'course', id, call, args: args.map((a) => encode(a)) })),
  );

  // Taken now, before learner code could replace the realm's own.
  const webCrypto = learnerCrypto(globalThis.crypto);
  let exports: Record<string, unknown> = {};
  async function load(js: string, env: Record<string, string>) {
    newRun();
    const packages = Object.fromEntries(
      await Promise.all(
        requiredSdkPackages(js).map(async (name) => [name, await sandboxSdkPackage(name, realmFetch)] as const),
      ),
    );
    const modules: Record<string, unknown> = { ...packages, ...course };
    const available = [...SDK_PACKAGES, ...Object.keys(course)];
    timeOrigin ??= now;
    const result = await execute(
      js,
      {
        require: (name: string) => {
          if (Object.hasOwn(modules, name)) return modules[name];
          throw new Error(`Cannot import '${name}' in the sandbox. Available: ${available.join(', ')}`);
        },
        console: learnerConsole,
        fetch: realmFetch,
        Date: simulatedDate(() => now),
        process: { env: { ...env } },
        crypto: webCrypto,
        performance: Object.freeze({
          // Monotonic, and on the simulated clock: a TTL measured with it expires when the checks move time.
          now: () => {
            perf = Math.max(perf, now - (timeOrigin ?? now));
            return perf;
          },
          timeOrigin: timeOrigin ?? now,
        }),
      },
      compiler,
    );
    exports = result.exports;
    flush();
    post({ type: 'loaded', exports: encode(exports), ...(result.error ? { error: result.error } : {}) });
  }

  async function call(id: number, path: string[], args: unknown[]) {
    try {
      let target: unknown = exports;
      let self: unknown;
      for (const key of path) {
        self = target;
        target = (target as Record<string, unknown>)[key];
      }
      if (typeof target !== 'function') throw new TypeError(`${path.join('.')} is not a function`);
      const value = await Reflect.apply(
        target,
        self,
        args.map((a) => decode(a)),
      );
      flush();
      post({ type: 'returned', id, value: encode(value) });
    } catch (e) {
      flush();
      post({ type: 'returned', id, error: encode(e) });
    }
  }

  port.onmessage = (event: MessageEvent<ToLearner>) => {
    const m = event.data;
    if ('now' in m) clock.moveTo(m.now);
    if (m.type === 'load') void load(m.js, m.env);
    else if (m.type === 'call') void call(m.id, m.path, m.args);
    else if (m.type === 'fetched' || m.type === 'answer') {
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if (!waiting) return;
      if (m.type === 'fetched') {
        if (m.response) waiting.resolve(m.response);
        else
          waiting.reject(
            m.error?.name === 'SandboxNetworkError'
              ? Object.assign(new SandboxNetworkError(''), { message: m.error.message })
              : new TypeError(m.error?.message ?? 'fetch failed'),
          );
      } else if ('error' in m && m.error !== undefined) waiting.reject(decode(m.error));
      else waiting.resolve(decode(m.value));
    }
  };
  // Loaded and waiting: the bundled SDK packages are evaluated before the first run needs them (a
  // lazy one, only by a run that imports it: the spare pair's rehearsal, when the solution does).
  const eager = SDK_PACKAGES.filter((name) => !LAZY_SDK_PACKAGES.includes(name));
  void Promise.all(eager.map((name) => sandboxSdkPackage(name, realmFetch))).then(() => post({ type: 'ready' }));
  return { fetch: realmFetch };
}

/** `Date` for learner code: real dates, but "now" is the simulated clock. */
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
