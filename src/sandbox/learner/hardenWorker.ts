/// <reference lib="webworker" />
/**
 * Locks down the learner worker's global scope before any learner code runs. Integrity does not
 * rest on this (the learner realm holds nothing worth forging, and its CSP allows no network):
 * it keeps learner code from flooding the frame that started it and gives clear messages.
 * - `postMessage` (on the scope and its prototype) throws: the worker's one channel is its port;
 * - `close`, nested `Worker`s, `indexedDB` and `caches` are gone or throw.
 */
export function hardenWorker(): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope & Record<string, unknown>;
  const proto = Object.getPrototypeOf(scope) as Record<string, unknown>;
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
  for (const name of ['indexedDB', 'caches', 'BroadcastChannel', 'Worker', 'SharedWorker', 'RTCPeerConnection'])
    lock(scope, name, undefined);
}
