import { afterEach, expect, test, vi } from 'vitest';
import type { LearnerHandle } from '../../src/sandbox/frame/learnerFrame';
import type { FromGrader, RunResult, ToGrader } from '../../src/sandbox/messages';
import { REHEARSAL_WAIT_MS, SandboxRunner, STOP_WAIT_MS } from '../../src/sandbox/runner';

// The runner's scheduling (spare pairs, rehearsals, time limits) against a scripted stand-in for
// the grader worker and the learner frame. The real realms run in Chromium (test/browser/).

const result: RunResult = {
  passed: true,
  durationMs: 1,
  output: [],
  outputOmitted: { lines: 0, chars: 0 },
  calls: [],
  checks: [],
  state: { version: 1, now: 0, accounts: {} },
  now: 0,
};

type Script = (message: ToGrader, reply: (m: FromGrader) => void) => void;

class ScriptedGrader extends EventTarget {
  static made: ScriptedGrader[] = [];
  received: ToGrader[] = [];
  terminated = false;
  constructor(readonly script: Script) {
    super();
    ScriptedGrader.made.push(this);
  }
  postMessage(message: ToGrader) {
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

interface ScriptedLearner extends LearnerHandle {
  killed: boolean;
  die(message: string): void;
}
let learners: ScriptedLearner[] = [];

const runner = (script: Script, afterRun?: (start: () => void) => void) =>
  new SandboxRunner({
    afterRun,
    createGrader: () => new ScriptedGrader(script) as unknown as Worker,
    spawnLearner: () => {
      let die: (m: string) => void = () => undefined;
      const learner: ScriptedLearner = {
        killed: false,
        exited: new Promise((resolve) => {
          die = resolve;
        }),
        kill: () => {
          learner.killed = true;
        },
        die: (m) => die(m),
      };
      learners.push(learner);
      return learner;
    },
  });
const later = (ms: number, f: () => void) => setTimeout(f, ms);
const types = (g: ScriptedGrader | undefined) => g?.received.map((m) => m.type);

afterEach(() => {
  vi.useRealTimers();
  ScriptedGrader.made = [];
  learners = [];
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
  const [first] = ScriptedGrader.made;
  expect(types(first)).toEqual(['connect', 'prime', 'prime', 'run']);
  expect(first?.received[2]).toMatchObject({ request: { exercise: 'ex', code: 'solution' } });
  // The run is over: its learner worker is stopped; the grader stays for the clock controls.
  expect(learners[0]?.killed).toBe(true);
  expect(first?.terminated).toBe(false);
});

test('a run that claims a spare before it has loaded skips the rehearsal; the next spare has one', async () => {
  const r = runner((m, reply) => {
    if (m.type === 'prime') queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') queueMicrotask(() => reply({ type: 'done', runId: m.runId, result }));
  });
  r.rehearse({ exercise: 'ex', code: 'solution' });
  await r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  const code = (g: ScriptedGrader | undefined) =>
    g?.received.map((m) => [m.type, 'request' in m ? m.request?.code : undefined]);
  expect(code(ScriptedGrader.made[0])).toEqual([
    ['connect', undefined],
    ['prime', undefined],
    ['run', 'mine'],
  ]);
  await r.warm();
  expect(ScriptedGrader.made).toHaveLength(2);
  expect(code(ScriptedGrader.made[1])).toEqual([
    ['connect', undefined],
    ['prime', undefined],
    ['prime', 'solution'],
  ]);
  await r.run({ exercise: 'ex', code: 'mine' }, { timeLimitMs: 1000 });
  expect(ScriptedGrader.made[0]?.terminated).toBe(true);
  expect(ScriptedGrader.made[1]?.received.at(-1)?.type).toBe('run');
});

test('a rehearsal that hangs is given up for a plain pair, which runs the code', async () => {
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
  const [hung, plain] = ScriptedGrader.made;
  expect(hung?.terminated).toBe(true);
  expect(learners[0]?.killed).toBe(true);
  expect(types(hung)).toEqual(['connect', 'prime', 'prime']);
  expect(types(plain)).toEqual(['connect', 'prime', 'run']);
});

test('at the time limit the learner worker is stopped and the grader reports the timeout as a result', async () => {
  vi.useFakeTimers();
  const timedOut: RunResult = {
    ...result,
    passed: false,
    error: { name: 'RunTimeoutError', message: 'did not finish', phase: 'timeout' },
  };
  const r = runner((m, reply) => {
    if (m.type === 'prime') reply({ type: 'primed', runId: m.runId });
    if (m.type === 'stop' && m.reason === 'timeout' && m.limitMs === 5000)
      reply({ type: 'done', runId: m.runId, result: timedOut });
  });
  const run = r.run({ code: 'while (true) {}' }, { timeLimitMs: 5000 });
  await vi.advanceTimersByTimeAsync(4999);
  expect(learners[0]?.killed).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await expect(run).resolves.toEqual(timedOut);
  expect(learners[0]?.killed).toBe(true);
});

test('a grader that does not answer the stop is given up, with a result that says so', async () => {
  vi.useFakeTimers();
  const r = runner((m, reply) => {
    if (m.type === 'prime') reply({ type: 'primed', runId: m.runId });
  });
  const run = r.run({ code: '' }, { timeLimitMs: 1000 });
  await vi.advanceTimersByTimeAsync(1000 + STOP_WAIT_MS);
  const got = await run;
  expect(got.passed).toBe(false);
  expect(got.error).toMatchObject({ name: 'SandboxError', phase: 'sandbox' });
  expect(ScriptedGrader.made[0]?.terminated).toBe(true);
});

test('a learner worker that dies mid-run makes the grader stop the run as crashed', async () => {
  const r = runner((m, reply) => {
    if (m.type === 'prime') queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') queueMicrotask(() => learners[0]?.die('out of memory'));
    if (m.type === 'stop')
      reply({
        type: 'done',
        runId: m.runId,
        result: {
          ...result,
          passed: false,
          error: { name: 'SandboxError', message: m.message ?? '', phase: 'sandbox' },
        },
      });
  });
  const got = await r.run({ code: '' }, { timeLimitMs: 60_000 });
  expect(got.error).toMatchObject({ message: 'out of memory', phase: 'sandbox' });
  expect(ScriptedGrader.made[0]?.received.at(-1)).toMatchObject({ type: 'stop', reason: 'crashed' });
});

test('a grader that cannot load, or fails during a run, gives a result that says so, and is replaced', async () => {
  let loads = 0;
  const r = runner((m, reply) => {
    if (m.type === 'prime' && loads++ > 0) queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
    if (m.type === 'run') queueMicrotask(() => reply({ type: 'failed', runId: m.runId, message: 'checks missing' }));
  });
  const first = r.run({ code: '' }, { timeLimitMs: 1000 });
  ScriptedGrader.made[0]?.fail('404 grader.worker.js');
  expect((await first).error?.message).toBe('The sandbox could not start: 404 grader.worker.js.');
  expect((await r.run({ code: '' }, { timeLimitMs: 1000 })).error?.message).toBe(
    'The sandbox stopped unexpectedly: checks missing. A fresh one will run your next attempt.',
  );
  expect(ScriptedGrader.made.slice(0, 2).map((w) => w.terminated)).toEqual([true, true]);
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
  await vi.waitFor(() => expect(ScriptedGrader.made.map((w) => w.terminated)).toEqual([true, true]));
  expect(learners.map((l) => l.killed)).toEqual([true, true]);
  await r.warm();
  expect(types(ScriptedGrader.made[2])).toEqual(['connect', 'prime']);
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
  expect(ScriptedGrader.made[0]?.terminated).toBe(false);
  await vi.advanceTimersByTimeAsync(200);
  expect(ScriptedGrader.made[0]?.terminated).toBe(true);
});

test('a ready spare gets the run in the same task; the last pair and the next spare wait until it is posted / drawn', async () => {
  const later: (() => void)[] = [];
  const r = runner(
    (m, reply) => {
      if (m.type === 'prime') queueMicrotask(() => reply({ type: 'primed', runId: m.runId }));
      if (m.type === 'run') queueMicrotask(() => reply({ type: 'done', runId: m.runId, result }));
    },
    (start) => later.push(start),
  );
  await r.warm();
  await r.run({ code: 'first' }, { timeLimitMs: 1000 });
  expect(ScriptedGrader.made).toHaveLength(1); // the next spare waits for afterRun
  later.shift()?.();
  await r.warm();
  const [first, second] = ScriptedGrader.made;
  const run = r.run({ code: 'second' }, { timeLimitMs: 1000 });
  // Posted before run() returned, with no promise turn; the first run's pair is stopped after it.
  expect(types(second)).toEqual(['connect', 'prime', 'run']);
  expect(first?.terminated).toBe(true);
  await run;
  r.dispose();
  later.shift()?.();
  expect(ScriptedGrader.made).toHaveLength(2); // no spare after leaving the lab
});
