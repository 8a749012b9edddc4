import { getResponse, type RequestHandler } from 'msw';

export class SandboxNetworkError extends TypeError {
  constructor(what: string) {
    super(
      `Network access is blocked in the sandbox: ${what}. Only the emulated AWS endpoints (Secrets Manager, SSM, KMS) and the Lambda extension on http://localhost:2773 are reachable.`,
    );
    this.name = 'SandboxNetworkError';
  }
}

/**
 * The sandbox's only door to the network: `fetch` answered by the MSW handlers over the emulator
 * (msw's `getResponse`, no service worker), and a clear refusal for anything they don't handle.
 */
export function sandboxFetch(handlers: RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) throw new SandboxNetworkError(`${request.method} ${request.url}`);
    return response;
  };
}

/**
 * Inside the worker: every other way out (XHR, WebSocket, EventSource, beacons, importScripts)
 * refused, and `fetch` replaced. Returns a function that puts the originals back (for Node tests).
 */
export function lockNetwork(fetchImpl: typeof fetch): () => void {
  const g = globalThis as Record<string, unknown>;
  const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'] as const;
  const saved = Object.fromEntries(names.map((n) => [n, g[n]]));
  const refuse = (what: string) =>
    function blocked() {
      throw new SandboxNetworkError(what);
    };
  g.fetch = fetchImpl;
  for (const n of names.slice(1)) if (n in g) g[n] = refuse(n);
  return () => {
    for (const n of names) g[n] = saved[n];
  };
}
