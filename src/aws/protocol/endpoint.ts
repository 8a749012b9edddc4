import type { RequestHost } from '../core/service';
import { handleAwsJson } from './json';
import { errorResponse, MAX_BODY_BYTES, regionFromAuthorization, type WireResponse } from './wire';

const AWS_HOST = /^(?:secretsmanager|ssm|kms)\.([a-z0-9-]+)\.amazonaws\.com$/;

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
 * The MSW resolver (src/aws/adapters/) and the local endpoint (src/server/) both answer through here.
 */
export async function answerAwsRequest(host: RequestHost, request: AwsHttpRequest): Promise<WireResponse> {
  const declared = Number(request.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) {
    return errorResponse(
      'ValidationException',
      `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`,
      413,
    );
  }
  const aws = AWS_HOST.exec(request.hostname);
  const result = await handleAwsJson(host, {
    method: request.method,
    target: request.header('x-amz-target'),
    body: request.body,
    region: aws?.[1] ?? regionFromAuthorization(request.header('authorization')) ?? host.defaultRegion,
    source: request.header('x-secrets-lab-source') === 'check' ? 'check' : 'request',
  });
  result.headers['x-amzn-requestid'] = requestId(host);
  return result;
}

let counter = 0;
function requestId(host: RequestHost): string {
  counter = (counter + 1) % 0xffffffff;
  return `${host.clock.now().toString(16).padStart(12, '0')}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}
