import { AwsError } from './core/errors';
import type { OperationContext } from './core/service';
import type { Emulator } from './emulator';
import type { AuthorizationRecord } from './iam';
import { resolveTarget } from './services';

/** A request as it arrives over HTTP, reduced to what AWS JSON 1.1 dispatch needs. */
export interface WireRequest {
  method: string;
  /** The `X-Amz-Target` header, e.g. `secretsmanager.GetSecretValue`. */
  target: string | null;
  body: string;
  /** From the host name or the SigV4 credential scope; the emulator's default when absent. */
  region?: string;
  accountId?: string;
  /** Who is calling: learner code ('request', the default) or a lab check (not counted as the learner's). */
  source?: 'request' | 'check' | 'event';
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The largest request body accepted (SM's 65,536-byte secrets plus JSON escaping fit well). */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.1' };

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

export function errorResponse(type: string, message: string, status = 400): WireResponse {
  return {
    status,
    headers: { ...JSON_HEADERS, 'x-amzn-errortype': type },
    body: JSON.stringify({ __type: type, message }),
  };
}

function logParams(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (REDACTED.has(k)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Answers one AWS JSON 1.1 request: dispatch on `X-Amz-Target`, run the operation, shape the
 * response or the error, record the call. Never throws: anything unexpected becomes a 500
 * `InternalFailure` (which the SDK retries), and the fuzz test holds that line at zero.
 */
export async function handleAwsJson(emulator: Emulator, request: WireRequest): Promise<WireResponse> {
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
  const ctx = emulator.context(request.region, request.accountId);
  const params = logParams(input as Record<string, unknown>);
  const time = emulator.clock.now();
  try {
    const output = await service.operations[operation]?.(ctx, input as Record<string, unknown>);
    emulator.log.record({
      time,
      service: service.name,
      operation,
      params,
      outcome: 'ok',
      region: ctx.region,
      source: request.source ?? 'request',
      ...authorization(ctx),
    });
    return { status: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(output ?? {}) };
  } catch (e) {
    const error =
      e instanceof AwsError
        ? e
        : new AwsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
    if (!(e instanceof AwsError)) console.error(`[emulator] ${service.name}.${operation} failed unexpectedly:`, e);
    emulator.log.record({
      time,
      service: service.name,
      operation,
      params,
      outcome: error.type,
      message: error.message,
      region: ctx.region,
      source: request.source ?? 'request',
      ...authorization(ctx),
    });
    return errorResponse(error.type, error.message, error.status);
  }
}

/** The authorization decisions the call needed (only when a principal is set), for its log entry. */
function authorization(ctx: OperationContext): { authorization?: AuthorizationRecord[] } {
  return ctx.decisions.length > 0 ? { authorization: [...ctx.decisions] } : {};
}

/** The region in a SigV4 `Authorization` header's credential scope, if any. */
export function regionFromAuthorization(authorization: string | null): string | undefined {
  const m = authorization?.match(/Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//);
  return m?.[1];
}
