import type { Caller } from '../core/service';

/** A request as it arrives over HTTP, reduced to what AWS JSON 1.1 dispatch needs. */
export interface WireRequest {
  method: string;
  /** The `X-Amz-Target` header, e.g. `secretsmanager.GetSecretValue`. */
  target: string | null;
  body: string;
  /** From the host name or the SigV4 credential scope; the emulator's default when absent. */
  region?: string;
  accountId?: string;
  /** Who signed it (authenticate.ts); the emulator's default caller when absent. */
  caller?: Caller;
  /** Who is calling: learner code ('request', the default), a lab check, or the emulator itself. */
  source?: 'request' | 'check' | 'event';
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The largest request body accepted (SM's 65,536-byte secrets plus JSON escaping fit well). */
export const MAX_BODY_BYTES = 1024 * 1024;

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export function errorResponse(type: string, message: string, status = 400): WireResponse {
  return {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-errortype': type },
    body: JSON.stringify({ __type: type, message }),
  };
}

/** The region in a SigV4 `Authorization` header's credential scope, if any. */
export function regionFromAuthorization(authorization: string | null): string | undefined {
  const m = authorization?.match(/Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//);
  return m?.[1];
}
