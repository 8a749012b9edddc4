import {
  ALGORITHM_IDENTIFIER,
  createScope,
  getCanonicalHeaders,
  getPayloadHash,
  getSigningKey,
  SignatureV4,
} from '@smithy/signature-v4';
import type { HashConstructor, HttpRequest, QueryParameterBag } from '@smithy/types';
import { keptPerObject, keptPerString } from '../core/memo';

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
  /** The SignedHeaders names, lower case, in the order sent (one frozen list per list text: signedHeaderList). */
  signedHeaders: readonly string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})\s*$/i;
/**
 * The header as the SDKs, the CLI and boto3 write it (lower case, one space after each comma): a
 * case-sensitive pattern V8 runs in half the time. Whatever it matches, AUTHORIZATION matches with
 * the same groups, already lower case; anything else is read by AUTHORIZATION.
 */
const AUTHORIZATION_AS_WRITTEN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$/;

/** The parts of a SigV4 `Authorization` header; `malformed` for another scheme or a damaged header. */
export function parseAuthorization(header: string | null): SigV4Authorization | 'malformed' | undefined {
  if (header === null || header === '') return undefined;
  const m = AUTHORIZATION_AS_WRITTEN.exec(header) ?? AUTHORIZATION.exec(header);
  if (!m) return 'malformed';
  return {
    accessKeyId: m[1] as string,
    date: m[2] as string,
    region: m[3] as string,
    service: m[4] as string,
    signedHeaders: signedHeaderList(m[5] as string),
    signature: (m[6] as string).toLowerCase(),
  };
}

/**
 * A SignedHeaders list (`content-type;host;x-amz-date;x-amz-target`), read once per text: a client
 * sends the same list on every request, and the names read again each time were new strings that
 * every later lookup (the headers, the Set smithy is given, the object it is built from) had to hash
 * and internalize first. The list (frozen) and its Set are only read. Bounded: cleared when full.
 */
const signedHeaderList = keptPerString((text) => Object.freeze(text.toLowerCase().split(';')), 256);

/** The names of a list signedHeaderList returned, as a Set (smithy's getCanonicalHeaders takes one). */
const signedHeaderSet = keptPerObject((list: readonly string[]): ReadonlySet<string> => new Set(list));

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

/** `20260101T120000Z`, the only form `X-Amz-Date` takes. */
const AMZ_DATE = /^\d{8}T\d{6}Z$/;
/** What smithy's signer drops from a request before signing (it writes `x-amz-date` itself). */
const GENERATED = new Set(['authorization', 'x-amz-date', 'date']);

function queryBag(search: string): QueryParameterBag {
  const bag: QueryParameterBag = Object.create(null);
  for (const [k, v] of new URLSearchParams(search)) {
    const existing = bag[k];
    bag[k] =
      existing === undefined || existing === null ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return bag;
}

/** The character codes of the lower-case hex digits. */
const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * Whether `text` is `bytes` written in lower-case hex, compared without stopping at the first
 * difference (and without writing the bytes out as a string first).
 */
function isHexOf(bytes: Uint8Array, text: string): boolean {
  if (text.length !== bytes.length * 2) return false;
  let diff = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    diff |=
      ((HEX_DIGITS[b >> 4] as number) ^ text.charCodeAt(2 * i)) |
      ((HEX_DIGITS[b & 15] as number) ^ text.charCodeAt(2 * i + 1));
  }
  return diff === 0;
}

/**
 * A hash constructor that can also give a text's SHA-256 as lower-case hex in one synchronous call
 * (the endpoint's, src/server/nodeSha256.ts: Node's one-shot `crypto.hash`).
 */
interface HexDigester {
  hexOf?(text: string): string;
}

/**
 * Whether `hex` is the SHA-256 of the body. With a one-shot hex digest (Node) that is one native
 * call and a string comparison, answered at once: no hash object, no result buffer, no promise to
 * wait for. The body's hash is no secret (the client sent it in clear), so a plain comparison is
 * fine; the signature itself is still compared without stopping early (isHexOf).
 */
function isBodyHash(sha256: HashConstructor, body: string, hex: string): boolean | Promise<boolean> {
  const hexOf = (sha256 as HexDigester).hexOf;
  if (hexOf !== undefined) return hexOf(body) === hex;
  const hash = new sha256();
  hash.update(body);
  return hash.digest().then((digest) => isHexOf(digest, hex));
}

/**
 * The canonical request and the string to sign, built by @smithy/signature-v4's own code (its
 * `createCanonicalRequest` and `createStringToSign`, `getCanonicalHeaders`, `getPayloadHash`), and
 * the signing key derived by its `getSigningKey`. What `sign()` adds around them per call is left
 * out: a copy of the request, a fresh key-cache lookup (one HMAC of the credentials to name the
 * cache entry), an Authorization header written out and read back. The derived key is kept per
 * access key, secret, token, date, region and service (a key changes with any of them), so a
 * request costs two hashes (the canonical request, the final HMAC) plus the body's when it is
 * not declared, or checked when it is.
 */
class SignatureVerifier extends SignatureV4 {
  readonly #keys = new Map<string, Promise<Uint8Array>>();
  /**
   * The last key derived per access key, with what it was derived from: a request whose secret,
   * token, date, region and service are those gets it without waiting for a promise, and without
   * writing out and hashing the long cache name `#keys` is keyed by.
   */
  readonly #derived = new Map<string, DerivedKey>();
  readonly #hash: HashConstructor;

  constructor(sha256: HashConstructor) {
    super({ credentials: { accessKeyId: '', secretAccessKey: '' }, region: '', service: '', sha256 });
    this.#hash = sha256;
  }

  async signature(
    request: HttpRequest,
    longDate: string,
    auth: SigV4Authorization,
    credentials: SigningCredentials,
  ): Promise<Uint8Array> {
    const shortDate = longDate.slice(0, 8);
    // Smithy only reads the Set (`has`).
    const canonicalHeaders = getCanonicalHeaders(
      request,
      undefined,
      signedHeaderSet(auth.signedHeaders) as Set<string>,
    );
    const payloadHash = await getPayloadHash(request, this.#hash);
    const canonical = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const scope = createScope(shortDate, auth.region, auth.service);
    const stringToSign = await this.createStringToSign(longDate, scope, canonical, ALGORITHM_IDENTIFIER);
    const known = this.#derived.get(credentials.accessKeyId);
    const key =
      known !== undefined &&
      known.secret === credentials.secretAccessKey &&
      known.token === (credentials.sessionToken ?? '') &&
      known.date === shortDate &&
      known.region === auth.region &&
      known.service === auth.service
        ? known.key
        : await this.#signingKey(credentials, shortDate, auth);
    const hmac = new this.#hash(key);
    hmac.update(stringToSign);
    // Awaited here: an async function that returns a promise settles a turn of the queue later.
    return await hmac.digest();
  }

  async #signingKey(credentials: SigningCredentials, shortDate: string, auth: SigV4Authorization): Promise<Uint8Array> {
    const token = credentials.sessionToken ?? '';
    const name = `${credentials.accessKeyId}\n${credentials.secretAccessKey}\n${token}\n${shortDate}\n${auth.region}\n${auth.service}`;
    let key = this.#keys.get(name);
    if (!key) {
      // Bounded: a long-running endpoint sees a new date every day and may see many keys.
      if (this.#keys.size >= MAX_SIGNING_KEYS) {
        this.#keys.clear();
        this.#derived.clear();
      }
      key = getSigningKey(this.#hash, credentials, shortDate, auth.region, auth.service);
      this.#keys.set(name, key);
    }
    const derived = await key;
    if (this.#keys.get(name) === key) {
      const { region, service } = auth;
      const entry = { secret: credentials.secretAccessKey, token, date: shortDate, region, service, key: derived };
      this.#derived.set(credentials.accessKeyId, entry);
    }
    return derived;
  }
}

/** A derived signing key and what it was derived from (besides the access key id it is kept by). */
interface DerivedKey {
  secret: string;
  token: string;
  date: string;
  region: string;
  service: string;
  key: Uint8Array;
}

const MAX_SIGNING_KEYS = 1024;
const verifiers = new WeakMap<HashConstructor, SignatureVerifier>();

/**
 * Whether the request carries the signature these credentials give it: the request as smithy's
 * `sign()` would see it (the headers the client signed, minus those the signer writes itself, plus
 * the `x-amz-date` and session token it adds), signed at the request's own `X-Amz-Date`.
 */
export async function signatureMatches(
  request: ReceivedRequest,
  auth: SigV4Authorization,
  credentials: SigningCredentials,
  sha256: HashConstructor,
): Promise<boolean> {
  const longDate = request.header('x-amz-date');
  if (longDate === null || !AMZ_DATE.test(longDate) || !auth.signedHeaders.includes('host')) return false;
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.header(name);
    if (value === null) return false;
    if (!GENERATED.has(name)) headers[name] = value;
  }
  headers['x-amz-date'] = longDate;
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  // A payload hash the client signed must be the body's: the signer takes the header on trust.
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash !== undefined) {
    const matches = isBodyHash(sha256, request.body, declaredHash.toLowerCase());
    if (!(typeof matches === 'boolean' ? matches : await matches)) return false;
  }
  let verifier = verifiers.get(sha256);
  if (!verifier) {
    verifier = new SignatureVerifier(sha256);
    verifiers.set(sha256, verifier);
  }
  const queryAt = request.url.indexOf('?');
  const computed = await verifier.signature(
    {
      method: request.method.toUpperCase(),
      protocol: 'https:',
      hostname: headers.host ?? '',
      path: queryAt < 0 ? request.url || '/' : request.url.slice(0, queryAt) || '/',
      query: queryAt < 0 ? {} : queryBag(request.url.slice(queryAt + 1)),
      headers,
      body: request.body,
    },
    longDate,
    auth,
    credentials,
  );
  return isHexOf(computed, auth.signature);
}
