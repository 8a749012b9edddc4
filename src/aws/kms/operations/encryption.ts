import { toBase64 } from '../../core/base64';
import { randomBytes } from '../../core/random';
import type { OperationContext } from '../../core/service';
import { authorizeKey, keyOfBlob } from '../authorize';
import { decryptBlob, encryptWithKey } from '../crypto';
import { kmsErrors } from '../errors';
import { resolveKey } from '../keyIds';
import {
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalList,
  optionalStringMap,
  requiredBlob,
  requiredKeyId,
  symmetricAlgorithm,
} from '../validate';

type Input = Record<string, unknown>;

/** Fields every cryptographic operation shares: EncryptionContext, GrantTokens, EncryptionAlgorithm, DryRun. */
function common(input: Input) {
  const encryptionContext = optionalStringMap(input, 'EncryptionContext');
  optionalList(input, 'GrantTokens');
  symmetricAlgorithm(input, 'EncryptionAlgorithm');
  const dryRun = optionalBoolean(input, 'DryRun') ?? false;
  return { encryptionContext, dryRun };
}

function dryRunCheck(dryRun: boolean): void {
  if (dryRun) throw kmsErrors.dryRun();
}

/** Plaintext of 1–4096 bytes, encrypted under the named key; the same EncryptionContext is needed to decrypt. */
export function encrypt(ctx: OperationContext, input: Input) {
  const keyId = requiredKeyId(input);
  const plaintext = requiredBlob(input, 'Plaintext', 1, 4096);
  const { encryptionContext, dryRun } = common(input);
  authorizeKey(ctx, 'Encrypt', resolveKey(ctx, keyId), { encryptionContext });
  const { ciphertext, key } = encryptWithKey(ctx, keyId, plaintext, encryptionContext);
  dryRunCheck(dryRun);
  return { CiphertextBlob: toBase64(ciphertext), KeyId: key.Arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
}

/**
 * The key is read from the ciphertext itself (symmetric keys); KeyId, when given, must name that
 * same key (IncorrectKeyException). A different EncryptionContext fails as InvalidCiphertextException.
 */
export function decrypt(ctx: OperationContext, input: Input) {
  const blob = requiredBlob(input, 'CiphertextBlob', 1, 6144);
  const keyId = input.KeyId === undefined || input.KeyId === null ? undefined : requiredKeyId(input);
  const { encryptionContext, dryRun } = common(input);
  const named = keyOfBlob(ctx, blob);
  if (named) authorizeKey(ctx, 'Decrypt', named, { encryptionContext });
  const { plaintext, key } = decryptBlob(ctx, blob, encryptionContext, keyId);
  dryRunCheck(dryRun);
  return { KeyId: key.Arn, Plaintext: toBase64(plaintext), EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
}

/** Exactly one of KeySpec (AES_256 | AES_128) and NumberOfBytes (1–1024) says how long the data key is. */
function dataKey(ctx: OperationContext, input: Input, operation: string) {
  const keyId = requiredKeyId(input);
  const spec = optionalEnum(input, 'KeySpec', ['AES_256', 'AES_128'] as const);
  const bytes = optionalInteger(input, 'NumberOfBytes', 1, 1024);
  const { encryptionContext, dryRun } = common(input);
  if ((spec === undefined) === (bytes === undefined)) throw kmsErrors.dataKeySpec();
  authorizeKey(ctx, operation, resolveKey(ctx, keyId), { encryptionContext });
  const length = bytes ?? (spec === 'AES_128' ? 16 : 32);
  const plaintext = randomBytes(ctx.random, length);
  const { ciphertext, key } = encryptWithKey(ctx, keyId, plaintext, encryptionContext, operation);
  dryRunCheck(dryRun);
  return { plaintext, ciphertext, key };
}

export function generateDataKey(ctx: OperationContext, input: Input) {
  const { plaintext, ciphertext, key } = dataKey(ctx, input, 'GenerateDataKey');
  return { CiphertextBlob: toBase64(ciphertext), Plaintext: toBase64(plaintext), KeyId: key.Arn };
}

export function generateDataKeyWithoutPlaintext(ctx: OperationContext, input: Input) {
  const { ciphertext, key } = dataKey(ctx, input, 'GenerateDataKeyWithoutPlaintext');
  return { CiphertextBlob: toBase64(ciphertext), KeyId: key.Arn };
}
