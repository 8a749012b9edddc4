/// <reference lib="webworker" />
// The grader worker only dispatches: the logic lives in modules that also run in Node.
import './workerGlobals';
import { runtimes } from 'virtual:exercise-runtime';
import type { Emulator } from '../../aws/emulator';
import type { FromGrader, RunRequest, ToGrader } from '../messages';
import { timeoutMessage } from '../runErrors';
import { advanceEmulator } from './advance';
import { LearnerLink } from './learnerLink';
import {
  prepareWorld,
  type Session,
  type SessionExercise,
  type SessionOptions,
  startSession,
  type World,
} from './session';

const post = (message: FromGrader) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
let link: LearnerLink | undefined;
let current: { runId: number; session: Session } | undefined;
let last: { emulator: Emulator; session: Session } | undefined;

/** The next run's world, made after a rehearsal for the exercise rehearsed (session.ts). */
let next: { exercise: string; world: World } | undefined;

async function exerciseOf(request: RunRequest): Promise<SessionExercise | undefined> {
  const load = request.exercise ? runtimes[request.exercise] : undefined;
  return load ? await load() : undefined;
}

async function session(request: RunRequest, options: SessionOptions): Promise<Session> {
  if (!link) throw new Error('no learner realm connected');
  await link.ready;
  return startSession(request.code, await exerciseOf(request), link, options);
}

/** The world made ahead for this run's exercise, if any: it serves one run. */
function takeWorld(request: RunRequest): World | undefined {
  const ahead = next;
  next = undefined;
  return ahead && ahead.exercise === request.exercise ? ahead.world : undefined;
}

async function handle(message: ToGrader): Promise<void> {
  if (message.type === 'prime') {
    // A rehearsal that fails is only a slower first run, never the learner's problem.
    if (message.request) {
      await (await session(message.request, {})).result.catch(() => undefined);
      // The learner's run starts from a world made now, while it waits for the click: a fresh
      // emulator that nothing has touched, with the fixture applied.
      const exercise = await exerciseOf(message.request).catch(() => undefined);
      if (exercise && message.request.exercise) {
        next = { exercise: message.request.exercise, world: prepareWorld(exercise) };
        await next.world.env.catch(() => undefined);
      }
    } else await link?.ready;
    post({ type: 'primed', runId: message.runId });
  } else if (message.type === 'run') {
    const { runId } = message;
    try {
      let emulator: Emulator | undefined;
      const started = await session(message.request, {
        world: takeWorld(message.request),
        onConsole: (lines) => post({ type: 'console', runId, lines }),
        onChecking: () => post({ type: 'checking', runId }),
        onEmulator: (e) => {
          emulator = e;
        },
      });
      current = { runId, session: started };
      const result = await started.result;
      if (emulator) last = { emulator, session: started };
      post({ type: 'done', runId, result });
    } catch (e) {
      post({ type: 'failed', runId, message: e instanceof Error ? e.message : String(e) });
    } finally {
      current = undefined;
    }
  } else if (message.type === 'advance' && last) {
    post({ type: 'state', runId: message.runId, state: await advanceEmulator(last.emulator, message.ms) });
  } else if (message.type === 'transcript') {
    post({ type: 'transcript', runId: message.runId, text: last?.session.output.text() ?? '' });
  }
}

// One message at a time, in order (a run sent while a rehearsal is under way waits for it); but a
// stop acts at once, on the run under way.
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<ToGrader>) => {
  const message = event.data;
  if (message.type === 'connect') link = new LearnerLink(message.port);
  else if (message.type === 'stop') {
    if (current?.runId !== message.runId) return;
    link?.close();
    current.session.stop(
      message.reason === 'timeout'
        ? { name: 'RunTimeoutError', message: timeoutMessage(message.limitMs), phase: 'timeout' }
        : {
            name: 'SandboxError',
            message: `The sandbox stopped unexpectedly${message.message ? `: ${message.message}` : ' (out of memory?)'}. A fresh one will run your next attempt.`,
            phase: 'sandbox',
          },
    );
  } else queue = queue.then(() => handle(message));
};
