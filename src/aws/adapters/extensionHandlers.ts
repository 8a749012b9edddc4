import { http, type RequestHandler } from 'msw';
import type { Emulator } from '../emulator';
import type { ExtensionAnswer, ExtensionOptions } from '../extension/extension';

export type { ExtensionOptions } from '../extension/extension';
export { DEFAULT_SESSION_TOKEN } from '../extension/extension';

const TOKEN_HEADER = 'x-aws-parameters-secrets-token';

const respond = (a: ExtensionAnswer) =>
  new Response(a.body, { status: a.status, headers: { 'content-type': a.contentType } });

/**
 * The Parameters and Secrets Lambda Extension (src/aws/extension/) as MSW handlers for
 * `http://localhost:2773`. With `options`, the emulator's extension is configured first (its
 * environment variables; a fresh cache). The handlers only translate: the model decides.
 */
export function createExtensionHandlers(emulator: Emulator, options?: ExtensionOptions): RequestHandler[] {
  const extension = emulator.extension;
  if (options) extension.configure(options);
  const query = (request: Request) => {
    const params = new URL(request.url).searchParams;
    return (name: string) => params.get(name);
  };
  const secret = async ({ request }: { request: Request }) =>
    respond(await extension.getSecret(query(request), request.headers.get(TOKEN_HEADER)));
  const parameter = async ({ request }: { request: Request }) =>
    respond(await extension.getParameter(query(request), request.headers.get(TOKEN_HEADER)));
  const origin = extension.origin;
  return [
    http.get(`${origin}/secretsmanager/get`, secret),
    http.get(`${origin}/systemsmanager/parameters/get`, parameter),
    http.get(`${origin}/systemsmanager/parameters/get/`, parameter),
    http.all(
      `${origin}/*`,
      () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }),
    ),
  ];
}
