/// <reference lib="webworker" />
// The learner realm's worker: built as one classic script (build/learnerRuntimePlugin.ts) and
// started from a blob: URL inside the sandboxed frame, whose CSP it inherits. It only dispatches:
// the logic lives in realm.ts, which also runs in Node.
import { isSdkPackage, provideSdkPackage } from '../sdkModules';
import { type Compiler, SCOPE } from './execute';
import { hardenWorker } from './hardenWorker';
import { takeLazyPackages } from './lazyPackages';
import { refuseNetwork } from './network';
import { startLearner } from './realm';

const FILE = 'learner-code.ts';

/** The learner's code as a blob: module (the CSP allows blob: scripts and no eval). */
const blobCompiler: Compiler = {
  fileName: FILE,
  linesBefore: () => 1,
  async compile(js) {
    const source = `export default async function (${SCOPE.join(', ')}) {\n${js}\n}\n//# sourceURL=${FILE}`;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      return ((await import(/* @vite-ignore */ url)) as { default: never }).default;
    } finally {
      URL.revokeObjectURL(url);
    }
  },
};

/** An ES module from its source, as a blob: module (the same way the learner's code loads). */
async function importSource(source: string): Promise<unknown> {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    return await import(/* @vite-ignore */ url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
for (const [name, source] of Object.entries(takeLazyPackages()))
  if (isSdkPackage(name)) provideSdkPackage(name, () => importSource(source));

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('unhandledrejection', (event) => event.preventDefault());
scope.addEventListener('error', (event) => event.preventDefault());
scope.onmessage = (event: MessageEvent<{ port?: MessagePort }>) => {
  const port = event.data?.port;
  if (!port) return;
  scope.onmessage = null;
  const realm = startLearner(port, blobCompiler);
  refuseNetwork(realm.fetch);
  hardenWorker();
};
