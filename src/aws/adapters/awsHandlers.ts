import { http, type RequestHandler } from 'msw';
import type { AuthHost } from '../protocol/authenticate';
import { answerAwsRequest } from '../protocol/endpoint';
import { MAX_BODY_BYTES } from '../protocol/wire';

/**
 * `https://secretsmanager.us-east-1.amazonaws.com/`, the same for ssm, kms and sts, and the global
 * `https://iam.amazonaws.com/` and `https://sts.amazonaws.com/`.
 */
export const AWS_ENDPOINT =
  /^https:\/\/(?:(?:secretsmanager|ssm|kms|sts)\.[a-z0-9-]+|iam|sts)\.amazonaws\.com\/?(\?.*)?$/;

export interface HandlerOptions {
  /**
   * Extra origins answered as AWS APIs, for the local endpoint (`http://127.0.0.1:4566`): there
   * the AWS CLI and boto3 send every service to `/`, so dispatch is on the request alone.
   */
  origins?: string[];
}

/**
 * The MSW request handlers that put the emulator behind the real AWS endpoints. The same list
 * serves vitest (`setupServer`), the sandbox worker and the local HTTP endpoint (`getResponse`).
 * They only translate a Fetch `Request`; everything AWS does is in `answerAwsRequest`.
 */
export function createHandlers(host: AuthHost, options: HandlerOptions = {}): RequestHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const declared = Number(request.headers.get('content-length') ?? 0);
    const url = new URL(request.url);
    // An oversized body is refused on its declared length, before it is read.
    const body = declared > MAX_BODY_BYTES ? '' : await request.text();
    // A browser's fetch drops Host and Content-Length and writes them on the wire itself, but the
    // SDK signed them: the values the wire would carry, the URL's host and the body's length.
    const wire = (name: string) =>
      name === 'host' ? url.host : name === 'content-length' ? String(new TextEncoder().encode(body).length) : null;
    const result = await answerAwsRequest(host, {
      method: request.method,
      hostname: url.hostname,
      url: url.pathname + url.search,
      header: (name) => request.headers.get(name) ?? wire(name.toLowerCase()),
      body,
    });
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
  // Local origins first: MSW clones the request for every handler it tries.
  const handlers: RequestHandler[] = [];
  for (const origin of options.origins ?? []) handlers.push(http.all(`${origin.replace(/\/$/, '')}/`, resolver));
  handlers.push(http.all(AWS_ENDPOINT, resolver));
  return handlers;
}
