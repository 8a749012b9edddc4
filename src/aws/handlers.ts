import { http, type RequestHandler } from 'msw';
import type { Emulator } from './emulator';
import { handleAwsJson, MAX_BODY_BYTES, errorResponse, regionFromAuthorization } from './protocol';

/** `https://secretsmanager.us-east-1.amazonaws.com/` and the same for ssm and kms. */
const AWS_ENDPOINT = /^https:\/\/(secretsmanager|ssm|kms)\.([a-z0-9-]+)\.amazonaws\.com\/?(\?.*)?$/;

export interface HandlerOptions {
  /**
   * Extra origins answered as AWS JSON 1.1, for the local endpoint (`http://127.0.0.1:4566`):
   * there the AWS CLI and boto3 send every service to `/`, so dispatch is on `X-Amz-Target` alone.
   */
  origins?: string[];
}

/**
 * The MSW request handlers that put the emulator behind the real AWS endpoints. The same list
 * serves vitest (`setupServer`), the sandbox worker and the local HTTP endpoint (`getResponse`).
 */
export function createHandlers(emulator: Emulator, options: HandlerOptions = {}): RequestHandler[] {
  const resolver = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const host = url.hostname.match(/^(?:secretsmanager|ssm|kms)\.([a-z0-9-]+)\.amazonaws\.com$/);
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) {
      const r = errorResponse('ValidationException', `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`, 413);
      return new Response(r.body, { status: r.status, headers: r.headers });
    }
    const result = await handleAwsJson(emulator, {
      method: request.method,
      target: request.headers.get('x-amz-target'),
      body: await request.text(),
      region: host?.[1] ?? regionFromAuthorization(request.headers.get('authorization')) ?? emulator.defaultRegion,
    });
    return new Response(result.body, { status: result.status, headers: { ...result.headers, 'x-amzn-requestid': requestId(emulator) } });
  };
  const handlers: RequestHandler[] = [http.all(AWS_ENDPOINT, resolver)];
  for (const origin of options.origins ?? []) handlers.push(http.all(`${origin.replace(/\/$/, '')}/`, resolver));
  return handlers;
}

let counter = 0;
function requestId(emulator: Emulator): string {
  counter = (counter + 1) % 0xffffffff;
  return `${emulator.clock.now().toString(16).padStart(12, '0')}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}
