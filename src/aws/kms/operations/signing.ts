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
import { kmsErrors } from '../errors';
import { resolveKey, usable } from '../keyIds';
import { optionalBoolean, optionalEnum, optionalList, requiredBlob, requiredKeyId } from '../validate';

type Input = Record<string, unknown>;

/** What Sign and Verify share: the key (by any name), the message (RAW only here) and the algorithm. */
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
  // WebCrypto hashes what it signs; a message that is already a digest cannot be signed as one here.
  if (messageType !== 'RAW')
    throw kmsErrors.unsupported(`This emulator signs and verifies MessageType RAW only, not ${messageType}.`);
  if (dryRun) throw kmsErrors.dryRun();
  return { key, message, algorithm, signature };
}

/** Sign: the key's signature over the message (ECDSA in DER, as KMS returns it). */
export async function sign(ctx: OperationContext, input: Input) {
  const { key, message, algorithm } = signingRequest(ctx, input, 'Sign');
  const signature = await signMessage(key, algorithm, message);
  return { KeyId: key.Arn, Signature: toBase64(signature), SigningAlgorithm: algorithm };
}

/** Verify: SignatureValid true, or KMSInvalidSignatureException (KMS never answers false). */
export async function verify(ctx: OperationContext, input: Input) {
  const { key, message, algorithm, signature } = signingRequest(ctx, input, 'Verify');
  if (!(await verifyMessage(key, algorithm, message, signature ?? new Uint8Array())))
    throw kmsErrors.invalidSignature();
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
