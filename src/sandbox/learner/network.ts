export class SandboxNetworkError extends TypeError {
  constructor(what: string) {
    super(
      `Network access is blocked in the sandbox: ${what}. Only the emulated AWS endpoints (Secrets Manager, SSM, KMS, STS) and the Lambda extension on http://localhost:2773 are reachable.`,
    );
    this.name = 'SandboxNetworkError';
  }
}

/**
 * Inside the learner worker, every way out but `fetch` answers with a clear refusal. This is for
 * the message only: the worker's Content Security Policy (frame/bootstrap.ts) is what stops them,
 * and `fetch` itself goes to the grader over the port (realm.ts), never to the network.
 */
export function refuseNetwork(fetchImpl: typeof fetch): void {
  const g = globalThis as Record<string, unknown>;
  const refuse = (what: string) =>
    function blocked() {
      throw new SandboxNetworkError(what);
    };
  g.fetch = fetchImpl;
  for (const name of ['XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts'])
    if (name in g) g[name] = refuse(name);
}
