import { fromBase64, toBase64 } from '../core/base64';
import { AwsError } from '../core/errors';
import type { OperationContext } from '../core/service';
import { decryptBlob, encryptWithKey } from '../kms/crypto';
import { resolveKey } from '../kms/keyIds';
import { type KmsKey, kmsState } from '../kms/state';
import { authorizeKmsForSecret } from './authorize';
import { decryptionFailure, encryptionFailure, encryptionKeyNotFound, secretValueNotFound } from './errors';
import type { SecretRecord, SecretVersion } from './state';
import type { SecretValue } from './validate';

/** The key Secrets Manager encrypts with when a secret names none. */
export const DEFAULT_KMS_KEY = 'alias/aws/secretsmanager';

/**
 * Secrets Manager binds each ciphertext to its secret and version with this encryption context
 * (what CloudTrail shows on the KMS calls), so a blob copied to another version fails to decrypt.
 */
function encryptionContext(secret: SecretRecord, versionId: string): Record<string, string> {
  return { SecretARN: secret.ARN, SecretVersionId: versionId };
}

function keyOrUndefined(ctx: OperationContext, keyId: string): KmsKey | undefined {
  try {
    return resolveKey(ctx, keyId);
  } catch {
    return undefined; // encryptWithKey reports the missing key as Secrets Manager words it
  }
}

/** Encrypts a value for a version under the secret's key; only the ciphertext is kept. */
export function sealValue(
  ctx: OperationContext,
  secret: SecretRecord,
  versionId: string,
  value: SecretValue,
): Pick<SecretVersion, 'ciphertext' | 'KmsKeyId' | 'kind'> {
  const context = encryptionContext(secret, versionId);
  authorizeKmsForSecret(ctx, 'GenerateDataKey', keyOrUndefined(ctx, secret.KmsKeyId || DEFAULT_KMS_KEY), context);
  try {
    const { ciphertext, key } = encryptWithKey(
      ctx,
      secret.KmsKeyId || DEFAULT_KMS_KEY,
      value.bytes,
      encryptionContext(secret, versionId),
    );
    return { ciphertext: toBase64(ciphertext), KmsKeyId: key.KeyId, kind: value.kind };
  } catch (e) {
    if (e instanceof AwsError && e.type === 'NotFoundException') throw encryptionKeyNotFound();
    if (e instanceof AwsError) throw encryptionFailure();
    throw e;
  }
}

/**
 * A version's ciphertext as bytes, decoded from its base64 once per version and ciphertext (a read
 * is the hot path; kms/crypto.ts keys its memo on the blob object too). The cached blob is only
 * ever read.
 */
const blobs = new WeakMap<SecretVersion, { ciphertext: string; blob: Uint8Array }>();
function blobOf(version: SecretVersion): Uint8Array {
  const known = blobs.get(version);
  if (known?.ciphertext === version.ciphertext) return known.blob;
  const blob = fromBase64(version.ciphertext);
  blobs.set(version, { ciphertext: version.ciphertext, blob });
  return blob;
}

/**
 * A version's encryption context, one frozen object per version (and ARN) kept for its reads: the
 * key policy's condition keys and the decryption's additional data are then built from the same
 * object, which kms/crypto.ts turns into its text once (a frozen context cannot change).
 */
const contexts = new WeakMap<SecretVersion, Readonly<Record<string, string>>>();
function versionContext(secret: SecretRecord, version: SecretVersion): Readonly<Record<string, string>> {
  const known = contexts.get(version);
  if (known?.SecretARN === secret.ARN && known.SecretVersionId === version.VersionId) return known;
  const context = Object.freeze(encryptionContext(secret, version.VersionId));
  contexts.set(version, context);
  return context;
}

/** Decrypts a version's value; a disabled, pending-deletion or missing key is a DecryptionFailure. */
export function openValue(ctx: OperationContext, secret: SecretRecord, version: SecretVersion): SecretValue {
  // A rotation's placeholder has no value yet: AWS answers as for a version that does not exist.
  if (version.empty) throw secretValueNotFound('VersionId', version.VersionId);
  const keys = kmsState(ctx).keys;
  const key = Object.hasOwn(keys, version.KmsKeyId) ? keys[version.KmsKeyId] : undefined;
  const context = versionContext(secret, version);
  authorizeKmsForSecret(ctx, 'Decrypt', key, context);
  try {
    const { plaintext } = decryptBlob(ctx, blobOf(version), context);
    return { kind: version.kind, bytes: plaintext };
  } catch (e) {
    if (e instanceof AwsError) throw decryptionFailure();
    throw e;
  }
}

const UTF8 = new TextDecoder();

/** The response fields for a value: SecretString, or SecretBinary as base64 (the SDK decodes it). */
export function valueFields(value: SecretValue): { SecretString: string } | { SecretBinary: string } {
  return value.kind === 'string' ? { SecretString: UTF8.decode(value.bytes) } : { SecretBinary: toBase64(value.bytes) };
}

export function sameValue(a: SecretValue, b: SecretValue): boolean {
  return a.kind === b.kind && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
}
