import type { Caller } from '../core/service';
import { type AuthHost, authError, authenticate } from './authenticate';
import { handleAwsJson } from './json';
import { handleAwsQuery } from './query';
import { queryErrorXml } from './queryXml';
import { errorResponse, MAX_BODY_BYTES, type WireResponse } from './wire';

/** `secretsmanager.us-east-1.amazonaws.com`, `ssm…`, `kms…`, `sts.us-east-1…`: the region; `iam` and `sts` are global. */
const AWS_HOST = /^(?:secretsmanager|ssm|kms|sts)\.([a-z0-9-]+)\.amazonaws\.com$/;
const QUERY_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** An HTTP request reduced to what answering it needs, whatever carried it (msw or `node:http`). */
export interface AwsHttpRequest {
  method: string;
  /** Host name the request was sent to: an AWS host names the region. */
  hostname: string;
  /** The path and query string as sent (`/`, `/?Action=GetCallerIdentity&Version=2011-06-15`). */
  url: string;
  header(name: string): string | null;
  body: string;
}

/** The two protocols, told apart by the request: a form is the query protocol (IAM, STS), the rest AWS JSON 1.1. */
function isQuery(request: AwsHttpRequest): boolean {
  if (request.header('x-amz-target')) return false;
  const type = request.header('content-type') ?? '';
  return (
    type.startsWith('application/x-www-form-urlencoded') ||
    (request.method === 'GET' && request.url.includes('Action='))
  );
}

/**
 * What every AWS endpoint does with a request: the body limit, the caller (authenticate.ts), the
 * region (the AWS host name, else the signature's scope, else the emulator's default), dispatch to
 * the protocol, a request id. The MSW resolver (src/aws/adapters/) and the local endpoint
 * (src/server/) both answer through here.
 */
export async function answerAwsRequest(host: AuthHost, request: AwsHttpRequest): Promise<WireResponse> {
  const query = isQuery(request);
  const requestId = nextRequestId(host.clock.now());
  const declared = Number(request.header('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) {
    return errorResponse(
      'ValidationException',
      `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`,
      413,
    );
  }
  const auth = await authenticate(host, request);
  if (!auth.ok) {
    const error = authError(auth.failure, query ? 'query' : 'json');
    const response: WireResponse = query
      ? {
          status: error.status,
          headers: { 'content-type': 'text/xml' },
          body: queryErrorXml(QUERY_NAMESPACE, error, requestId),
        }
      : errorResponse(error.type, error.message, error.status);
    response.headers['x-amzn-errortype'] = error.type;
    response.headers['x-amzn-requestid'] = requestId;
    return response;
  }
  const region = AWS_HOST.exec(request.hostname)?.[1] ?? auth.scope?.region ?? host.defaultRegion;
  const caller: Caller | undefined = auth.caller;
  const source = request.header('x-secrets-lab-source') === 'check' ? 'check' : 'request';
  const result = query
    ? await handleAwsQuery(host, {
        method: request.method,
        form: request.method === 'GET' ? request.url.slice(request.url.indexOf('?') + 1) : request.body,
        region,
        ...(caller ? { accountId: caller.accountId, caller } : {}),
        ...(auth.scope ? { signingName: auth.scope.service } : {}),
        requestId,
        source,
      })
    : await handleAwsJson(host, {
        method: request.method,
        target: request.header('x-amz-target'),
        body: request.body,
        region,
        ...(caller ? { accountId: caller.accountId, caller } : {}),
        source,
      });
  result.headers['x-amzn-requestid'] = requestId;
  return result;
}

let counter = 0;
/** The id's first part for the last time seen: requests in the same millisecond share it. */
let lastNow = Number.NaN;
let lastPrefix = '';
/** `00`…`ff`: the counter written out a byte at a time (`toString(16)` is a runtime call each time). */
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
function nextRequestId(now: number): string {
  // Wraps after 0xfffffffe as `% 0xffffffff` did, without a floating-point modulo (fmod) per request.
  counter = counter >= 0xfffffffe ? 0 : counter + 1;
  if (now !== lastNow) {
    lastNow = now;
    lastPrefix = `${now.toString(16).padStart(12, '0').slice(-8)}-0000-4000-8000-0000`;
  }
  const c = counter;
  return (
    lastPrefix +
    (HEX_BYTES[(c >>> 24) & 255] as string) +
    (HEX_BYTES[(c >>> 16) & 255] as string) +
    (HEX_BYTES[(c >>> 8) & 255] as string) +
    (HEX_BYTES[c & 255] as string)
  );
}
