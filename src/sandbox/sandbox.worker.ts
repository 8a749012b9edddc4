/// <reference lib="webworker" />
// The sandbox worker only dispatches: all logic lives in modules that also run in Node.
import './workerGlobals';
import { runtimes } from 'virtual:exercise-runtime';
import type { Emulator } from '../aws/emulator';
import { advanceEmulator } from './advance';
import { hardenWorker } from './hardenWorker';
import type { FromWorker, ToWorker } from './messages';
import { runSession } from './session';

const postToPage = hardenWorker();
const post = (message: FromWorker) => postToPage(message);
let last: Emulator | undefined;

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'run') {
    const { runId, request } = message;
    const load = request.exercise ? runtimes[request.exercise] : undefined;
    const exercise = load ? await load() : undefined;
    const result = await runSession(request.code, exercise, {
      onConsole: (line) => post({ type: 'console', runId, line }),
      onEmulator: (emulator) => {
        last = emulator;
      },
    });
    post({ type: 'done', runId, result });
  } else if (message.type === 'advance' && last) {
    post({ type: 'state', runId: message.runId, state: await advanceEmulator(last, message.ms) });
  }
};

post({ type: 'ready' });
