/// <reference lib="webworker" />
// The sandbox worker only dispatches: all logic lives in modules that also run in Node.
import './workerGlobals';
import { runtimes } from 'virtual:exercise-runtime';
import type { Emulator } from '../aws/emulator';
import { advanceEmulator } from './advance';
import { hardenWorker } from './hardenWorker';
import type { FromWorker, RunRequest, ToWorker } from './messages';
import { loadSdkPackage, SDK_PACKAGES } from './sdkModules';
import { runSession, type SessionOptions } from './session';

const postToPage = hardenWorker();
const post = (message: FromWorker) => postToPage(message);
let last: Emulator | undefined;

async function session(request: RunRequest, options: SessionOptions) {
  const load = request.exercise ? runtimes[request.exercise] : undefined;
  const exercise = load ? await load() : undefined;
  return runSession(request.code, exercise, options);
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'prime') {
    // A rehearsal that fails is only a slower first run, never the learner's problem.
    if (message.request) {
      await session(message.request, {}).catch(() => undefined);
      // The learner may import a package the solution does not: have them all loaded too.
      await Promise.all(SDK_PACKAGES.map((name) => loadSdkPackage(name))).catch(() => undefined);
    }
    post({ type: 'primed', runId: message.runId });
  } else if (message.type === 'run') {
    const { runId } = message;
    try {
      const result = await session(message.request, {
        onConsole: (line) => post({ type: 'console', runId, line }),
        onEmulator: (emulator) => {
          last = emulator;
        },
      });
      post({ type: 'done', runId, result });
    } catch (e) {
      post({ type: 'failed', runId, message: e instanceof Error ? e.message : String(e) });
    }
  } else if (message.type === 'advance' && last) {
    post({ type: 'state', runId: message.runId, state: await advanceEmulator(last, message.ms) });
  }
}

// One message at a time, in order: a session swaps the global `fetch` for its own emulator's, so
// two must never overlap (a run sent while a rehearsal is under way waits for it).
let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue.then(() => handle(event.data));
};
