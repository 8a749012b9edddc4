import { fromBase64, toBase64 } from '../core/base64';
import { derToRaw, rawToDer } from './ecdsaDer';
import { kmsErrors } from './errors';
import { type AsymmetricSpec, SIGNING_ALGORITHMS, type SigningAlgorithm } from './keySpecs';
import type { KmsKey } from './state';

export { ASYMMETRIC_SPECS, type AsymmetricSpec, SIGNING_ALGORITHMS, type SigningAlgorithm } from './keySpecs';

/** A copy WebCrypto's types accept (a view of a plain ArrayBuffer, never a shared one). */
const plain = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/**
 * Asymmetric signing keys (KeyUsage SIGN_VERIFY) on WebCrypto, which Node and every browser worker
 * provide, so the grader's bundle gains no library. The key pair is stored in the key record as
 * PKCS#8 / SPKI base64 (state stays plain JSON); the private key never leaves the emulator.
 *
 * Trade-off: WebCrypto draws key pairs from the platform's generator, not the emulator's seeded
 * source, so an asymmetric key's material (unlike its id and ARN) differs from run to run.
 */
// KMS's RSA signing algorithms are its RSASSA_* ones: read from the one list in keySpecs.ts.
const RSA_ALGORITHMS: SigningAlgorithm[] = SIGNING_ALGORITHMS.filter((a) => a.startsWith('RSASSA_'));
const CURVES = {
  ECC_NIST_P256: { namedCurve: 'P-256', algorithm: 'ECDSA_SHA_256', size: 32 },
  ECC_NIST_P384: { namedCurve: 'P-384', algorithm: 'ECDSA_SHA_384', size: 48 },
  ECC_NIST_P521: { namedCurve: 'P-521', algorithm: 'ECDSA_SHA_512', size: 66 },
} as const;

const isCurve = (spec: string): spec is keyof typeof CURVES => Object.hasOwn(CURVES, spec);

/** The signing algorithms a key spec supports, as DescribeKey and GetPublicKey list them. */
export function signingAlgorithms(spec: AsymmetricSpec): SigningAlgorithm[] {
  return isCurve(spec) ? [CURVES[spec].algorithm] : RSA_ALGORITHMS;
}

const keyParams = (spec: AsymmetricSpec) =>
  isCurve(spec)
    ? { name: 'ECDSA', namedCurve: CURVES[spec].namedCurve }
    : {
        name: 'RSA-PSS',
        modulusLength: Number(spec.slice(4)),
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      };

export async function generateKeyPair(spec: AsymmetricSpec): Promise<{ privateKey: string; publicKey: string }> {
  const pair = await crypto.subtle.generateKey(keyParams(spec), true, ['sign', 'verify']);
  const [pkcs8, spki] = await Promise.all([
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
    crypto.subtle.exportKey('spki', pair.publicKey),
  ]);
  return { privateKey: toBase64(new Uint8Array(pkcs8)), publicKey: toBase64(new Uint8Array(spki)) };
}

/** WebCrypto's parameters for one KMS signing algorithm (the hash is part of the imported key). */
function algorithmParams(algorithm: SigningAlgorithm, spec: AsymmetricSpec) {
  const hash = `SHA-${algorithm.slice(-3)}`;
  if (isCurve(spec))
    return { key: { name: 'ECDSA', namedCurve: CURVES[spec].namedCurve }, op: { name: 'ECDSA', hash } };
  if (algorithm.startsWith('RSASSA_PSS'))
    return { key: { name: 'RSA-PSS', hash }, op: { name: 'RSA-PSS', saltLength: Number(algorithm.slice(-3)) / 8 } };
  return { key: { name: 'RSASSA-PKCS1-v1_5', hash }, op: { name: 'RSASSA-PKCS1-v1_5' } };
}

/** The key must be a signing key whose spec supports the algorithm (InvalidKeyUsageException otherwise). */
export function checkSigning(key: KmsKey, algorithm: SigningAlgorithm, operation: string): AsymmetricSpec {
  if (key.KeyUsage !== 'SIGN_VERIFY') throw kmsErrors.keyUsage(key.Arn, key.KeyUsage, operation);
  const spec = key.KeySpec as AsymmetricSpec;
  if (!signingAlgorithms(spec).includes(algorithm))
    throw kmsErrors.invalidKeyUsageAlgorithm(`Algorithm ${algorithm} is incompatible with key spec ${spec}.`);
  return spec;
}

/** Signs the message (RAW: KMS hashes it with the algorithm's hash). ECDSA signatures are DER, as KMS returns them. */
export async function signMessage(key: KmsKey, algorithm: SigningAlgorithm, message: Uint8Array): Promise<Uint8Array> {
  const spec = key.KeySpec as AsymmetricSpec;
  const { key: keyAlgorithm, op } = algorithmParams(algorithm, spec);
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    plain(fromBase64(key.privateKey ?? '')),
    keyAlgorithm,
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign(op, privateKey, plain(message)));
  return isCurve(spec) ? rawToDer(signature) : signature;
}

/** Whether the signature is the key's over the message (a malformed signature is simply not valid). */
export async function verifyMessage(
  key: KmsKey,
  algorithm: SigningAlgorithm,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const spec = key.KeySpec as AsymmetricSpec;
  const { key: keyAlgorithm, op } = algorithmParams(algorithm, spec);
  const raw = isCurve(spec) ? derToRaw(signature, CURVES[spec].size) : signature;
  if (raw === undefined) return false;
  const publicKey = await crypto.subtle.importKey('spki', plain(fromBase64(key.publicKey ?? '')), keyAlgorithm, false, [
    'verify',
  ]);
  return crypto.subtle.verify(op, publicKey, plain(raw), plain(message));
}
