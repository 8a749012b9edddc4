import { getResponse, type RequestHandler } from 'msw';
import { loadSdkPackage, type SdkPackage, type SdkPackageModule, sandboxClientConfig } from '../sdkModules';

/** Header the checks' own SDK clients send, so their calls are told apart from the learner's. */
export const CHECK_HEADER = 'x-secrets-lab-source';

type Sendable = { send(...args: never[]): Promise<unknown>; middlewareStack: unknown };

/** The checks' `fetch`: straight to the run's MSW handlers, inside the grader. */
export function handlerFetch(handlers: RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) throw new TypeError(`No emulator handler for ${request.method} ${request.url}`);
    return response;
  };
}

/**
 * An SDK client for the checks' own look-ups, created (and its package loaded) on its first call:
 * a check that never asks SSM does not load it. Its requests carry CHECK_HEADER, so the call log
 * tells them apart from the learner's (the grader strips that header from every learner request).
 */
export function checkClient<P extends SdkPackage, C extends Sendable>(
  name: P,
  fetchImpl: typeof fetch,
  create: (pkg: SdkPackageModule<P>, config: object) => C,
): Pick<C, 'send'> {
  let client: Promise<C> | undefined;
  const make = async () => {
    const made = create(await loadSdkPackage(name), { ...sandboxClientConfig(fetchImpl), maxAttempts: 1 });
    type Next = (args: { request: unknown }) => Promise<unknown>;
    (made.middlewareStack as { add(mw: (next: Next) => Next, options: object): void }).add(
      (next) => async (args) => {
        const request = args.request as { headers?: Record<string, string> };
        if (request.headers) request.headers[CHECK_HEADER] = 'check';
        return next(args);
      },
      { step: 'build', name: 'secretsLabCheckSource' },
    );
    return made;
  };
  const send = (...args: unknown[]) => {
    client ??= make();
    return client.then((c) => (c.send as (...a: unknown[]) => Promise<unknown>)(...args));
  };
  return { send } as Pick<C, 'send'>;
}
