import { afterEach, expect, test, vi } from 'vitest';
import type { FromWorker, RunResult, ToWorker } from '../../src/sandbox/messages';
import { REHEARSAL_WAIT_MS, RunTimeoutError, SandboxRunner } from '../../src/sandbox/runner';

// The runner's scheduling (spares, rehearsals, time limits) against a scripted stand-in for the
// browser's Worker. The real worker is exercised in Chromium (test/browser/lab.test.ts, sandbox.test.ts).

const result: RunResult = {
  ok: true,
  durationMs: 1,
  output: [],
  calls: [],
  checks: [],
  state: { version: 1, now: 0, accounts: {} },
  now: 0,
};

type Script = (message: ToWorker, reply: (m: FromWorker) => void) => void;

class ScriptedWorker extends EventTarget {
  static made: ScriptedWorker[] = [];
  received: ToWorker[] = [];
  terminated = false;
  constructor(readonly script: Script) {
    super();
    ScriptedWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.received.push(message);
    this.script(message, (m) => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: m }));
    });
  }
  terminate() {
    this.terminated = true;
  }
  fail(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

const runner = (script: Script) => new SandboxRunner(() => new ScriptedWorker(script) as unknown as Worker);
const later = (ms: number, f: () => void) => setTimeout(f, ms);

afterEach(() => {
  vi.useRealTimers();
  ScriptedWorker.made = [];
});

test('a run waits for the spare’s rehearsal, and its time limit starts only after it', async () => {
  vi.useFakeTimers();
  const r = runner((m, reply) => {
    if (m.type === 'prime') later(m.request ? 3000 : 100, () => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') later(900, () => reply({ type: 'done', runId: m.runId, result }));
  });
  void r.warm();
  r.rehearse({ exercise: 'ex', code: 'solution' });
  await vi.advanceTimersByTimeAsync(200);
  const run = r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  await vi.advanceTimersByTimeAsync(4000);
  await expect(run).resolves.toEqual(result);
  const [first] = ScriptedWorker.made;
  expect(first?.received.map((m) => m.type)).toEqual(['prime', 'prime', 'run']);
  expect(first?.received[1]).toMatchObject({ request: { exercise: 'ex', code: 'solution' } });
});

test('a run that claims a spare before it has loaded skips the rehearsal; the next spare has one', async () => {
  const r = runner((m, reply) => {
    if (m.type === 'prime') queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') queueMicrotask(() => reply({ type: 'done', runId: m.runId, result }));
  });
  r.rehearse({ exercise: 'ex', code: 'solution' });
  await r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  expect(ScriptedWorker.made[0]?.received.map((m) => [m.type, 'request' in m && m.request?.code])).toEqual([
    ['prime', undefined],
    ['run', 'mine'],
  ]);
  await r.warm();
  expect(ScriptedWorker.made).toHaveLength(2);
  expect(ScriptedWorker.made[1]?.received.map((m) => [m.type, 'request' in m && m.request?.code])).toEqual([
    ['prime', undefined],
    ['prime', 'solution'],
  ]);
  await r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  expect(ScriptedWorker.made[0]?.terminated).toBe(true);
  expect(ScriptedWorker.made[1]?.received.at(-1)?.type).toBe('run');
});

test('a rehearsal that hangs is given up for a plain worker, which runs the code', async () => {
  vi.useFakeTimers();
  const r = runner((m, reply) => {
    if (m.type === 'prime' && !m.request) reply({ type: 'primed', runId: m.runId });
    if (m.type === 'run') reply({ type: 'done', runId: m.runId, result });
  });
  r.rehearse({ exercise: 'ex', code: 'while (true) {}' });
  void r.warm();
  await vi.advanceTimersByTimeAsync(0);
  const run = r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  await vi.advanceTimersByTimeAsync(REHEARSAL_WAIT_MS + 10);
  await expect(run).resolves.toEqual(result);
  const [hung, plain] = ScriptedWorker.made;
  expect(hung?.terminated).toBe(true);
  expect(hung?.received.map((m) => m.type)).toEqual(['prime', 'prime']);
  expect(plain?.received.map((m) => m.type)).toEqual(['prime', 'run']);
});

test('code that never finishes is stopped at the time limit by terminating its worker', async () => {
  vi.useFakeTimers();
  const r = runner((m, reply) => {
    if (m.type === 'prime') reply({ type: 'primed', runId: m.runId });
  });
  const run = r.run({ code: 'while (true) {}' }, { timeLimitMs: 5000 });
  const settled = expect(run).rejects.toBeInstanceOf(RunTimeoutError);
  await vi.advanceTimersByTimeAsync(5000);
  await settled;
  expect(ScriptedWorker.made[0]?.terminated).toBe(true);
});

test('a worker that cannot load, or fails during a run, is reported and replaced', async () => {
  let loads = 0;
  const r = runner((m, reply) => {
    if (m.type === 'prime' && loads++ > 0) queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') queueMicrotask(() => reply({ type: 'failed', runId: m.runId, message: 'checks missing' }));
  });
  const first = r.run({ code: '' }, { timeLimitMs: 1000 });
  ScriptedWorker.made[0]?.fail('404 sandbox.worker.js');
  await expect(first).rejects.toThrow('The sandbox could not start: 404 sandbox.worker.js.');
  await expect(r.run({ code: '' }, { timeLimitMs: 1000 })).rejects.toThrow(
    'The sandbox stopped unexpectedly: checks missing. A fresh one will run your next attempt.',
  );
  expect(ScriptedWorker.made.slice(0, 2).map((w) => w.terminated)).toEqual([true, true]);
});

test('leaving the lab stops every worker; coming back starts a fresh spare with no old rehearsal', async () => {
  const r = runner((m, reply) => {
    if (m.type === 'prime') queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') queueMicrotask(() => reply({ type: 'done', runId: m.runId, result }));
  });
  r.rehearse({ exercise: 'ex', code: 'solution' });
  await r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  await r.warm();
  r.dispose();
  await vi.waitFor(() => expect(ScriptedWorker.made.map((w) => w.terminated)).toEqual([true, true]));
  await r.warm();
  expect(ScriptedWorker.made[2]?.received.map((m) => m.type)).toEqual(['prime']);
  expect(await r.advance(1000)).toBeUndefined();
});

test('idle() waits for the run under way', async () => {
  vi.useFakeTimers();
  const r = runner((m, reply) => {
    if (m.type === 'prime') reply({ type: 'primed', runId: m.runId });
    if (m.type === 'run') later(500, () => reply({ type: 'done', runId: m.runId, result }));
  });
  let idle = false;
  await r.idle();
  const run = r.run({ code: '' }, { timeLimitMs: 1000 });
  void r.idle().then(() => {
    idle = true;
  });
  await vi.advanceTimersByTimeAsync(400);
  expect(idle).toBe(false);
  await vi.advanceTimersByTimeAsync(200);
  await run;
  expect(idle).toBe(true);
});

test('a spare still loading when the learner leaves is stopped once it has loaded, not mid-fetch', async () => {
  vi.useFakeTimers();
  const r = runner((m, reply) => {
    if (m.type === 'prime') later(800, () => reply({ type: 'primed', runId: m.runId }));
  });
  void r.warm();
  await vi.advanceTimersByTimeAsync(100);
  r.dispose();
  await vi.advanceTimersByTimeAsync(600);
  expect(ScriptedWorker.made[0]?.terminated).toBe(false);
  await vi.advanceTimersByTimeAsync(200);
  expect(ScriptedWorker.made[0]?.terminated).toBe(true);
});
