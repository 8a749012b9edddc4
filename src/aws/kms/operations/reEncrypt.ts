import { toBase64 } from '../../core/base64';
import { AwsError } from '../../core/errors';
import { randomBytes } from '../../core/random';
import type { OperationContext } from '../../core/service';
import { authorizeKey, keyOfBlob } from '../authorize';
import { decryptBlob, encryptWithKey } from '../crypto';
import { resolveKey } from '../keyIds';
import {
  optionalBoolean,
  optionalInteger,
  optionalList,
  optionalString,
  optionalStringMap,
  requiredBlob,
  requiredKeyId,
  symmetricAlgorithm,
} from '../validate';

type Input = Record<string, unknown>;

/**
 * ReEncrypt: decrypts under the key the ciphertext names (with SourceEncryptionContext) and encrypts
 * under DestinationKeyId (with DestinationEncryptionContext), the plaintext never leaving KMS. The
 * caller needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination (the
 * default key policy's `kms:*` delegates both to IAM, where `kms:ReEncrypt*` grants them).
 */
export function reEncrypt(ctx: OperationContext, input: Input) {
  const blob = requiredBlob(input, 'CiphertextBlob', 1, 6144);
  const sourceContext = optionalStringMap(input, 'SourceEncryptionContext');
  const sourceKeyId =
    input.SourceKeyId === undefined || input.SourceKeyId === null ? undefined : requiredKeyId(input, 'SourceKeyId');
  const destinationKeyId = requiredKeyId(input, 'DestinationKeyId');
  const destinationContext = optionalStringMap(input, 'DestinationEncryptionContext');
  symmetricAlgorithm(input, 'SourceEncryptionAlgorithm');
  symmetricAlgorithm(input, 'DestinationEncryptionAlgorithm');
  optionalList(input, 'GrantTokens');
  const dryRun = optionalBoolean(input, 'DryRun') ?? false;
  const named = keyOfBlob(ctx, blob);
  if (named) authorizeKey(ctx, 'ReEncryptFrom', named, { encryptionContext: sourceContext });
  const destination = resolveKey(ctx, destinationKeyId);
  authorizeKey(ctx, 'ReEncryptTo', destination, { encryptionContext: destinationContext });
  const { plaintext, key: source } = decryptBlob(ctx, blob, sourceContext, sourceKeyId);
  const { ciphertext, key } = encryptWithKey(ctx, destinationKeyId, plaintext, destinationContext, 'ReEncrypt');
  if (dryRun)
    throw new AwsError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.');
  return {
    CiphertextBlob: toBase64(ciphertext),
    SourceKeyId: source.Arn,
    KeyId: key.Arn,
    SourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
  };
}

/** GenerateRandom: NumberOfBytes (1–1024, required) random bytes; authorized by IAM on "*" (no key). */
export function generateRandom(ctx: OperationContext, input: Input) {
  const bytes = optionalInteger(input, 'NumberOfBytes', 1, 1024);
  optionalString(input, 'CustomKeyStoreId', { min: 1, max: 64 });
  ctx.authorize('kms:GenerateRandom', '*');
  if (input.CustomKeyStoreId !== undefined && input.CustomKeyStoreId !== null)
    throw new AwsError(
      'CustomKeyStoreNotFoundException',
      `Custom key store ${String(input.CustomKeyStoreId)} does not exist.`,
    );
  if (bytes === undefined) throw new AwsError('ValidationException', 'NumberOfBytes is required.');
  return { Plaintext: toBase64(randomBytes(ctx.random, bytes)) };
}
