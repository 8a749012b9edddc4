import type { HashConstructor } from '@smithy/types';
import { AwsError } from '../core/errors';
import type { Caller, RequestHost } from '../core/service';
import type { IssuedKey } from '../iam/credentials';
import { parseAuthorization, type ReceivedRequest, type SigV4Authorization, signatureMatches } from './sigv4';

/**
 * Who a request is, from its signature:
 * - signed with a key the emulator issued (an IAM user's `AKIA…`, a session's `ASIA…`): the
 *   signature is verified (sigv4.ts), the key must be Active, a session's token must come with it
 *   and must not have expired; the request then runs as that user or session, and its policies
 *   decide;
 * - signed with any other key (`test`/`test`), or not signed: the account's administrator, so a
 *   beginner's first command just works, unless the emulator runs with `iam: 'strict'`, which
 *   refuses such requests as AWS refuses an unknown key.
 */
export interface AuthHost extends RequestHost {
  readonly iamMode: 'admin' | 'strict';
  readonly sha256: HashConstructor;
  issuedKey(accessKeyId: string): IssuedKey | undefined;
}

export type AuthFailure = 'missing' | 'malformed' | 'invalid' | 'signature' | 'expired';

export type Authentication =
  | { ok: true; caller?: Caller; scope?: SigV4Authorization }
  | { ok: false; failure: AuthFailure; scope?: SigV4Authorization };

export async function authenticate(host: AuthHost, request: ReceivedRequest): Promise<Authentication> {
  const auth = parseAuthorization(request.header('authorization'));
  if (auth === 'malformed') return { ok: false, failure: 'malformed' };
  if (!auth) return host.iamMode === 'strict' ? { ok: false, failure: 'missing' } : { ok: true };
  const issued = host.issuedKey(auth.accessKeyId);
  if (!issued)
    return host.iamMode === 'strict' ? { ok: false, failure: 'invalid', scope: auth } : { ok: true, scope: auth };
  if (issued.state === 'inactive' || issued.state === 'deleted') return { ok: false, failure: 'invalid', scope: auth };
  if (issued.sessionToken !== undefined && request.header('x-amz-security-token') !== issued.sessionToken) {
    return { ok: false, failure: 'invalid', scope: auth };
  }
  const credentials = {
    accessKeyId: auth.accessKeyId,
    secretAccessKey: issued.secretAccessKey,
    ...(issued.sessionToken !== undefined ? { sessionToken: issued.sessionToken } : {}),
  };
  if (!(await signatureMatches(request, auth, credentials, host.sha256))) {
    return { ok: false, failure: 'signature', scope: auth };
  }
  if (issued.state === 'expired') return { ok: false, failure: 'expired', scope: auth };
  return { ok: true, caller: issued.caller, scope: auth };
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const EXPIRED = 'The security token included in the request is expired';

/** The error AWS answers for a failed authentication, in the protocol's own names. */
export function authError(failure: AuthFailure, protocol: 'json' | 'query'): AwsError {
  const json = protocol === 'json';
  switch (failure) {
    case 'missing':
      return json
        ? new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400)
        : new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    case 'malformed':
      return new AwsError(
        json ? 'IncompleteSignatureException' : 'IncompleteSignature',
        'Authorization header requires an AWS4-HMAC-SHA256 Credential, SignedHeaders and Signature.',
        400,
      );
    case 'invalid':
      return json
        ? new AwsError('UnrecognizedClientException', INVALID_TOKEN, 400)
        : new AwsError('InvalidClientTokenId', INVALID_TOKEN, 403);
    case 'signature':
      return json
        ? new AwsError('InvalidSignatureException', BAD_SIGNATURE, 400)
        : new AwsError('SignatureDoesNotMatch', BAD_SIGNATURE, 403);
    case 'expired':
      return json ? new AwsError('ExpiredTokenException', EXPIRED, 400) : new AwsError('ExpiredToken', EXPIRED, 403);
  }
}
