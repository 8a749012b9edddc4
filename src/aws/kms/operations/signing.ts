import { toBase64 } from '../../core/base64';
import type { OperationContext } from '../../core/service';
import {
  type AsymmetricSpec,
  checkSigning,
  SIGNING_ALGORITHMS,
  signingAlgorithms,
  signMessage,
  verifyMessage,
} from '../asymmetric';
import { authorizeKey } from '../authorize';
import { checkDigest, signDigest, verifyDigest } from '../digestSigning';
import { kmsErrors } from '../errors';
import { resolveKey, usable } from '../keyIds';
import { optionalBoolean, optionalEnum, optionalList, requiredBlob, requiredKeyId } from '../validate';

type Input = Record<string, unknown>;

/** What Sign and Verify share: the key (by any name), the message (RAW, or a DIGEST of it) and the algorithm. */
function signingRequest(ctx: OperationContext, input: Input, operation: 'Sign' | 'Verify') {
  const keyId = requiredKeyId(input);
  const message = requiredBlob(input, 'Message', 1, 4096);
  const messageType = optionalEnum(input, 'MessageType', ['RAW', 'DIGEST', 'EXTERNAL_MU'] as const) ?? 'RAW';
  const algorithm = optionalEnum(input, 'SigningAlgorithm', SIGNING_ALGORITHMS);
  const signature = operation === 'Verify' ? requiredBlob(input, 'Signature', 1, 6144) : undefined;
  optionalList(input, 'GrantTokens');
  const dryRun = optionalBoolean(input, 'DryRun') ?? false;
  if (algorithm === undefined) throw kmsErrors.required('SigningAlgorithm');
  const key = resolveKey(ctx, keyId);
  authorizeKey(ctx, operation, key);
  usable(key);
  checkSigning(key, algorithm, operation);
  // EXTERNAL_MU is for ML-DSA keys, which this emulator does not make.
  if (messageType === 'EXTERNAL_MU')
    throw kmsErrors.unsupported(`This emulator signs and verifies MessageType RAW and DIGEST, not ${messageType}.`);
  if (messageType === 'DIGEST') checkDigest(algorithm, message);
  if (dryRun) throw kmsErrors.dryRun();
  return { key, message, algorithm, signature, digest: messageType === 'DIGEST' };
}

/** Sign: the key's signature over the message, or over the digest it is given (ECDSA in DER, as KMS returns it). */
export async function sign(ctx: OperationContext, input: Input) {
  const { key, message, algorithm, digest } = signingRequest(ctx, input, 'Sign');
  const signature = digest ? await signDigest(key, algorithm, message) : await signMessage(key, algorithm, message);
  return { KeyId: key.Arn, Signature: toBase64(signature), SigningAlgorithm: algorithm };
}

/** Verify: SignatureValid true, or KMSInvalidSignatureException (KMS never answers false). */
export async function verify(ctx: OperationContext, input: Input) {
  const { key, message, algorithm, signature, digest } = signingRequest(ctx, input, 'Verify');
  const given = signature ?? new Uint8Array();
  const valid = digest
    ? await verifyDigest(key, algorithm, message, given)
    : await verifyMessage(key, algorithm, message, given);
  if (!valid) throw kmsErrors.invalidSignature();
  return { KeyId: key.Arn, SignatureValid: true, SigningAlgorithm: algorithm };
}

/** GetPublicKey: the SPKI DER public key of an asymmetric key, so anyone can verify outside KMS. */
export function getPublicKey(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  optionalList(input, 'GrantTokens');
  authorizeKey(ctx, 'GetPublicKey', key);
  usable(key);
  if (key.publicKey === undefined) throw kmsErrors.unsupported(`${key.Arn} is a symmetric key: it has no public key.`);
  return {
    KeyId: key.Arn,
    PublicKey: key.publicKey,
    CustomerMasterKeySpec: key.KeySpec,
    KeySpec: key.KeySpec,
    KeyUsage: key.KeyUsage,
    SigningAlgorithms: signingAlgorithms(key.KeySpec as AsymmetricSpec),
  };
}
