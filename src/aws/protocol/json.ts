import type { CallLogEntry } from '../core/callLog';
import { dict } from '../core/dict';
import { AwsError } from '../core/errors';
import type { OperationContext, RequestHost } from '../core/service';
import { resolveTarget } from '../services';
import { jsonTooDeep, MAX_JSON_DEPTH } from './jsonDepth';
import { errorResponse, JSON_CONTENT_TYPE, MAX_BODY_BYTES, type WireRequest, type WireResponse } from './wire';

/** Fields whose values must never reach the call log. */
const REDACTED = new Set([
  'SecretString',
  'SecretBinary',
  'Value',
  'Plaintext',
  'CiphertextBlob',
  'Policy',
  'ResourcePolicy',
]);

/**
 * What the call log keeps of a request's input: the parsed body itself when it names no redacted
 * field (the usual read: `{ SecretId }`, `{ Name }`), else a copy without them. The parsed body is
 * this request's own object (JSON.parse's, a plain object whose keys are all its own, `__proto__`
 * included), which no operation changes; a null-prototype copy per request was a dictionary-mode
 * object the log then held for 10,000 requests.
 */
function logParams(input: Record<string, unknown>): Record<string, unknown> {
  let redacted = false;
  for (const k in input) {
    if (REDACTED.has(k)) {
      redacted = true;
      break;
    }
  }
  if (!redacted) return input;
  const out = dict<unknown>();
  // for…in over own keys rather than Object.entries: no array of pairs per request.
  for (const k in input) {
    if (!Object.hasOwn(input, k) || REDACTED.has(k)) continue;
    out[k] = input[k];
  }
  return out;
}

/**
 * Answers one AWS JSON 1.1 request: dispatch on `X-Amz-Target`, run the operation, shape the
 * response or the error, record the call. Never throws: anything unexpected becomes a 500
 * `InternalFailure` (which the SDK retries) reported to the host, and the fuzz test holds that
 * line at zero.
 */
export async function handleAwsJson(host: RequestHost, request: WireRequest): Promise<WireResponse> {
  if (request.method.toUpperCase() !== 'POST') {
    return errorResponse(
      'UnknownOperationException',
      `Method ${request.method} is not supported; AWS JSON 1.1 uses POST`,
      405,
    );
  }
  const resolved = request.target ? resolveTarget(request.target) : undefined;
  if (!resolved || !Object.hasOwn(resolved.service.operations, resolved.operation)) {
    return errorResponse(
      'UnknownOperationException',
      request.target ? `Unknown operation ${request.target}` : 'Missing X-Amz-Target header',
    );
  }
  const { service, operation } = resolved;
  if (request.body.length > MAX_BODY_BYTES) {
    return errorResponse(
      'ValidationException',
      `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`,
      413,
    );
  }
  if (jsonTooDeep(request.body)) {
    return errorResponse('SerializationException', `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let input: unknown;
  try {
    input = request.body.trim() === '' ? {} : JSON.parse(request.body);
  } catch {
    return errorResponse(
      'SerializationException',
      'Start of structure or map found where not expected, or the body is not valid JSON',
    );
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return errorResponse('SerializationException', 'The request body must be a JSON object');
  }
  const ctx = requestContext(host, request, service.name, input as Record<string, unknown>);
  const params = logParams(input as Record<string, unknown>);
  // Built field by field rather than spread into a new object per outcome: a literal that starts
  // with a spread (`{ ...entry, outcome }`) costs V8 microseconds, on every request.
  // Two literals rather than one with `...(principal ? { caller } : {})` in it: a spread inside a
  // literal is copied property by property at run time. The keys keep their order either way.
  const time = host.clock.now();
  const source = request.source ?? 'request';
  const entry: Omit<CallLogEntry, 'seq'> = ctx.caller.principal
    ? {
        time,
        service: service.name,
        operation,
        params,
        region: ctx.region,
        source,
        caller: ctx.caller.arn,
        outcome: 'ok',
      }
    : { time, service: service.name, operation, params, region: ctx.region, source, outcome: 'ok' };
  let response: WireResponse;
  try {
    const result = service.operations[operation]?.(ctx, input as Record<string, unknown>);
    // Most operations answer at once: only a promise is awaited (an await is a turn of the queue).
    const output = result instanceof Promise ? await result : result;
    response = { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE }, body: JSON.stringify(output ?? {}) };
  } catch (e) {
    const error = e instanceof AwsError ? e : internalFailure(host, `${service.name}.${operation}`, e);
    entry.outcome = error.type;
    entry.message = error.message;
    response = errorResponse(error.type, error.message, error.status);
  }
  // The authorization decisions the call needed (only when a principal is set).
  if (ctx.decisions.length > 0) entry.authorization = [...ctx.decisions];
  host.log.record(entry);
  return response;
}

const SECRET_ARN = /^arn:aws:secretsmanager:[^:]+:(\d{12}):secret:/;

/**
 * The request's account: the caller's, except for a Secrets Manager request whose SecretId is the
 * (full or partial) ARN of a secret in another account. That request runs in the secret's account,
 * as the same caller, so its secret's resource policy and its KMS key's policy decide with the
 * caller's identity policies (across accounts both sides must allow: policy/authorize.ts). A name
 * always means a secret of the caller's own account, which is why AWS requires the ARN across accounts.
 */
function requestContext(
  host: RequestHost,
  request: WireRequest,
  service: string,
  input: Record<string, unknown>,
): OperationContext {
  const own = request.accountId ?? host.accountId;
  const id = service === 'secretsmanager' && typeof input.SecretId === 'string' ? input.SecretId : '';
  const owner = SECRET_ARN.exec(id)?.[1];
  if (!owner || owner === own) return host.context(request.region, request.accountId, request.caller);
  const caller = request.caller ?? host.context(request.region, own).caller;
  return host.context(request.region, owner, caller);
}

function internalFailure(host: RequestHost, where: string, e: unknown): AwsError {
  host.reportInternalError(where, e);
  return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
}
