/// <reference lib="webworker" />
/**
 * Locks down the sandbox worker's global scope before any learner code runs, and returns the one
 * private way to talk to the page. What learner code finds instead:
 * - `postMessage` (on the scope and its prototype) throws: it cannot flood or spoof the page;
 * - `indexedDB`, `caches` (the offline app's precache!), `BroadcastChannel`, nested `Worker`s and
 *   `close` are gone or throw: it cannot reach the origin's storage or outlive its run;
 * - the network is locked separately by `lockNetwork` (fetch answered by the emulator only).
 * `localStorage` is the in-memory stand-in from workerGlobals.ts: the page's storage is untouched.
 * Isolation between runs does not rest on this: every run gets a fresh worker (runner.ts).
 */
export function hardenWorker(): (message: unknown) => void {
  const scope = self as unknown as DedicatedWorkerGlobalScope & Record<string, unknown>;
  const proto = Object.getPrototypeOf(scope) as Record<string, unknown>;
  const original = (proto.postMessage ?? scope.postMessage) as (this: unknown, message: unknown) => void;
  const post = (message: unknown) => original.call(scope, message);
  const refuse = (what: string) =>
    function refused() {
      throw new Error(`${what} is not available in the sandbox.`);
    };
  const lock = (target: Record<string, unknown>, name: string, value: unknown) => {
    try {
      Object.defineProperty(target, name, { value, writable: false, configurable: false });
    } catch {
      /* already locked */
    }
  };
  lock(proto, 'postMessage', refuse('Posting messages to the page'));
  lock(scope, 'postMessage', refuse('Posting messages to the page'));
  lock(scope, 'close', refuse('Closing the sandbox'));
  for (const name of [
    'indexedDB',
    'caches',
    'BroadcastChannel',
    'Worker',
    'SharedWorker',
    'WebTransport',
    'RTCPeerConnection',
  ]) {
    lock(scope, name, undefined);
  }
  return post;
}
