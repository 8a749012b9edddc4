import { fromBase64, toBase64 } from '../core/base64';
import { AwsError } from '../core/errors';
import { randomUuid } from '../core/random';
import type { OperationContext } from '../core/service';
import { authorizeKey, keyOfBlob } from '../kms/authorize';
import { decryptBlob, encryptWithKey } from '../kms/crypto';
import { resolveKey } from '../kms/keyIds';
import type { KmsKey } from '../kms/state';
import { invalidKeyIdFromKms } from './errors';

// One encoder and decoder for the module (made per call, they show in a GetParameter's profile).
const UTF8 = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/** The AWS managed key SSM uses when a SecureString names no KeyId. */
export const DEFAULT_SSM_KEY = 'alias/aws/ssm';

/**
 * SSM encrypts a SecureString value under the parameter's KMS key with the encryption context
 * `{"PARAMETER_ARN": "<arn>"}` (which is what CloudTrail shows for the KMS call), so a ciphertext
 * copied to another parameter will not decrypt. Only the ciphertext is stored.
 */
const contextFor = (arn: string) => ({ PARAMETER_ARN: arn });

function asInvalidKeyId(ctx: OperationContext, e: unknown): unknown {
  return e instanceof AwsError ? invalidKeyIdFromKms(e, randomUuid(ctx.random)) : e;
}

/**
 * SSM calls KMS on the caller's behalf, so KMS authorizes the caller with `kms:ViaService` =
 * `ssm.<region>.amazonaws.com` and the PARAMETER_ARN encryption context. Under the AWS managed key
 * `aws/ssm` its key policy allows that for everyone in the account; under a customer managed key the
 * caller's IAM policies must allow the KMS action. A refusal reaches the caller as KMS worded it, with
 * the service details the SSM response appends.
 */
function authorizeViaSsm(ctx: OperationContext, operation: string, key: KmsKey | undefined, arn: string): void {
  if (!key) return; // an unknown key fails in KMS itself, with its own error
  try {
    authorizeKey(ctx, operation, key, { encryptionContext: contextFor(arn), viaService: 'ssm' });
  } catch (e) {
    if (!(e instanceof AwsError) || e.type !== 'AccessDeniedException') throw e;
    throw new AwsError(
      'AccessDeniedException',
      `${e.message} (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: ${randomUuid(ctx.random)}; Proxy: null)`,
    );
  }
}

function keyOrUndefined(ctx: OperationContext, keyId: string): KmsKey | undefined {
  try {
    return resolveKey(ctx, keyId);
  } catch {
    return undefined;
  }
}

/** `operation` is the KMS call SSM makes: Encrypt for Standard parameters, GenerateDataKey for Advanced. */
export function encryptParameterValue(
  ctx: OperationContext,
  keyId: string,
  plaintext: string,
  arn: string,
  operation: 'Encrypt' | 'GenerateDataKey' = 'Encrypt',
): string {
  authorizeViaSsm(ctx, operation, keyOrUndefined(ctx, keyId), arn);
  try {
    return toBase64(encryptWithKey(ctx, keyId, UTF8.encode(plaintext), contextFor(arn)).ciphertext);
  } catch (e) {
    throw asInvalidKeyId(ctx, e);
  }
}

/**
 * Stored ciphertexts decoded from base64, by their text (a parameter's stored string, which V8
 * hashes once), at most 256: a SecureString read decodes its blob once, and kms/crypto.ts's memo
 * finds it by the blob object. The blobs are only ever read.
 */
const blobs = new Map<string, Uint8Array>();
function blobOf(ciphertext: string): Uint8Array {
  let blob = blobs.get(ciphertext);
  if (blob === undefined) {
    blob = fromBase64(ciphertext);
    if (blobs.size >= 256) blobs.delete(blobs.keys().next().value as string);
    blobs.set(ciphertext, blob);
  }
  return blob;
}

export function decryptParameterValue(ctx: OperationContext, ciphertext: string, arn: string): string {
  const blob = blobOf(ciphertext);
  authorizeViaSsm(ctx, 'Decrypt', keyOfBlob(ctx, blob), arn);
  try {
    return UTF8_DECODER.decode(decryptBlob(ctx, blob, contextFor(arn)).plaintext);
  } catch (e) {
    throw asInvalidKeyId(ctx, e);
  }
}
