import { SignatureV4 } from '@smithy/signature-v4';
import type { HashConstructor, QueryParameterBag } from '@smithy/types';

/**
 * AWS Signature Version 4, checked the only trustworthy way: the signature is computed again with
 * @smithy/signature-v4 (the signer the AWS SDK itself uses) from the request as received (method,
 * path, query, the headers the client listed in SignedHeaders, the body) and the secret key, and
 * compared with the one sent. The signing date, region and service come from the request.
 */
export interface SigV4Authorization {
  accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})\s*$/i;

/** The parts of a SigV4 `Authorization` header; `malformed` for another scheme or a damaged header. */
export function parseAuthorization(header: string | null): SigV4Authorization | 'malformed' | undefined {
  if (header === null || header === '') return undefined;
  const m = AUTHORIZATION.exec(header);
  if (!m) return 'malformed';
  return {
    accessKeyId: m[1] as string,
    date: m[2] as string,
    region: m[3] as string,
    service: m[4] as string,
    signedHeaders: (m[5] as string).toLowerCase().split(';'),
    signature: (m[6] as string).toLowerCase(),
  };
}

/** A request as it arrived, whatever carried it. */
export interface ReceivedRequest {
  method: string;
  /** The path and query string exactly as sent (`/`, `/?Action=…`). */
  url: string;
  header(name: string): string | null;
  body: string;
}

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** `20260101T120000Z` → that instant. */
function amzDate(text: string | null): Date | undefined {
  const m = text?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

function queryBag(search: string): QueryParameterBag {
  const bag: QueryParameterBag = Object.create(null);
  for (const [k, v] of new URLSearchParams(search)) {
    const existing = bag[k];
    bag[k] =
      existing === undefined || existing === null ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return bag;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Whether the request carries the signature these credentials give it. */
export async function signatureMatches(
  request: ReceivedRequest,
  auth: SigV4Authorization,
  credentials: SigningCredentials,
  sha256: HashConstructor,
): Promise<boolean> {
  const signingDate = amzDate(request.header('x-amz-date'));
  if (!signingDate || !auth.signedHeaders.includes('host')) return false;
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.header(name);
    if (value === null) return false;
    headers[name] = value;
  }
  // A payload hash the client signed must be the body's: the signer takes the header on trust.
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined) {
    const hash = new sha256();
    hash.update(request.body);
    if (hex(await hash.digest()) !== declaredHash.toLowerCase()) return false;
  }
  const queryAt = request.url.indexOf('?');
  const signer = new SignatureV4({
    credentials,
    region: auth.region,
    service: auth.service,
    sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method.toUpperCase(),
      protocol: 'https:',
      hostname: headers.host ?? '',
      path: queryAt < 0 ? request.url || '/' : request.url.slice(0, queryAt) || '/',
      query: queryAt < 0 ? {} : queryBag(request.url.slice(queryAt + 1)),
      headers,
      body: request.body,
    },
    {
      signingDate,
      signingRegion: auth.region,
      signingService: auth.service,
      signableHeaders: new Set(auth.signedHeaders),
    },
  );
  const computed = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1];
  return computed !== undefined && equal(computed, auth.signature);
}

/** Compares without stopping at the first difference. */
function equal(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
