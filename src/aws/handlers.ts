import { http, type RequestHandler } from 'msw';
import type { Emulator } from './emulator';
import { errorResponse, handleAwsJson, MAX_BODY_BYTES, regionFromAuthorization, type WireResponse } from './protocol';

/** `https://secretsmanager.us-east-1.amazonaws.com/` and the same for ssm and kms. */
const AWS_ENDPOINT = /^https:\/\/(secretsmanager|ssm|kms)\.([a-z0-9-]+)\.amazonaws\.com\/?(\?.*)?$/;
const AWS_HOST = /^(?:secretsmanager|ssm|kms)\.([a-z0-9-]+)\.amazonaws\.com$/;

export interface HandlerOptions {
  /**
   * Extra origins answered as AWS JSON 1.1, for the local endpoint (`http://127.0.0.1:4566`):
   * there the AWS CLI and boto3 send every service to `/`, so dispatch is on `X-Amz-Target` alone.
   */
  origins?: string[];
}

/** An HTTP request reduced to what answering it needs, whatever carried it (msw or `node:http`). */
export interface AwsHttpRequest {
  method: string;
  /** Host name the request was sent to: an AWS host names the region. */
  hostname: string;
  header(name: string): string | null;
  body: string;
}

/**
 * What every AWS endpoint does with a request: the body limit, the region (from the AWS host
 * name, else the SigV4 credential scope, else the emulator's default), dispatch, a request id.
 * The MSW resolver below and the local endpoint's fast path both answer through here.
 */
export async function answerAwsRequest(emulator: Emulator, request: AwsHttpRequest): Promise<WireResponse> {
  const declared = Number(request.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) {
    return errorResponse(
      'ValidationException',
      `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`,
      413,
    );
  }
  const host = AWS_HOST.exec(request.hostname);
  const result = await handleAwsJson(emulator, {
    method: request.method,
    target: request.header('x-amz-target'),
    body: request.body,
    region: host?.[1] ?? regionFromAuthorization(request.header('authorization')) ?? emulator.defaultRegion,
    source: request.header('x-secrets-lab-source') === 'check' ? 'check' : 'request',
  });
  result.headers['x-amzn-requestid'] = requestId(emulator);
  return result;
}

/**
 * The MSW request handlers that put the emulator behind the real AWS endpoints. The same list
 * serves vitest (`setupServer`), the sandbox worker and the local HTTP endpoint (`getResponse`).
 */
export function createHandlers(emulator: Emulator, options: HandlerOptions = {}): RequestHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const declared = Number(request.headers.get('content-length') ?? 0);
    const result = await answerAwsRequest(emulator, {
      method: request.method,
      hostname: new URL(request.url).hostname,
      header: (name) => request.headers.get(name),
      // An oversized body is refused on its declared length, before it is read.
      body: declared > MAX_BODY_BYTES ? '' : await request.text(),
    });
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
  // Local origins first: MSW clones the request for every handler it tries.
  const handlers: RequestHandler[] = [];
  for (const origin of options.origins ?? []) handlers.push(http.all(`${origin.replace(/\/$/, '')}/`, resolver));
  handlers.push(http.all(AWS_ENDPOINT, resolver));
  return handlers;
}

let counter = 0;
function requestId(emulator: Emulator): string {
  counter = (counter + 1) % 0xffffffff;
  return `${emulator.clock.now().toString(16).padStart(12, '0')}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}
