import { fromBase64 } from '../core/base64';
import { derToRaw, rawToDer } from './ecdsaDer';
import { kmsErrors } from './errors';
import type { AsymmetricSpec, SigningAlgorithm } from './keySpecs';
import { signRsaDigest, verifyRsaDigest } from './rsaDigest';
import type { KmsKey } from './state';

/**
 * Sign and Verify with MessageType DIGEST: "KMS skips the hashing step in the signing algorithm", so
 * the message is the hash the algorithm would have computed, and "the length of the Message value
 * must match the length of hashed messages for the specified signing algorithm" (ValidationException
 * "Digest is invalid length for algorithm ECDSA_SHA_256." otherwise). WebCrypto always hashes what
 * it signs, so a digest is signed with @noble/curves' ECDSA on the given hash (`prehash: false`) under
 * the key's own material, exported from WebCrypto as a JWK. A signature over a digest is a signature
 * over every message with that hash: a DIGEST signature verifies as RAW, and a RAW one as DIGEST.
 * RSA keys sign a digest with node-forge (rsaDigest.ts). Both libraries are loaded on first use, so
 * the lab's worker bundle does not grow for them.
 */
const CURVES = {
  ECC_NIST_P256: { curve: 'p256', namedCurve: 'P-256', size: 32 },
  ECC_NIST_P384: { curve: 'p384', namedCurve: 'P-384', size: 48 },
  ECC_NIST_P521: { curve: 'p521', namedCurve: 'P-521', size: 66 },
} as const;

async function ecdsa(name: 'p256' | 'p384' | 'p521') {
  return (await import('@noble/curves/nist.js'))[name];
}

const plain = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);
const base64url = (text: string) =>
  fromBase64(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));

function curveOf(key: KmsKey) {
  const spec = key.KeySpec as AsymmetricSpec;
  return Object.hasOwn(CURVES, spec) ? CURVES[spec as keyof typeof CURVES] : undefined;
}

/** The digest's length must be the algorithm's hash length (32, 48 or 64 bytes). */
export function checkDigest(algorithm: SigningAlgorithm, digest: Uint8Array): void {
  const bytes = Number(algorithm.slice(-3)) / 8;
  if (digest.length !== bytes) throw kmsErrors.validation(`Digest is invalid length for algorithm ${algorithm}.`);
}

/** The signature over a digest (ECDSA in DER, as KMS returns it). */
export async function signDigest(key: KmsKey, algorithm: SigningAlgorithm, digest: Uint8Array): Promise<Uint8Array> {
  const ecc = curveOf(key);
  if (!ecc) return signRsaDigest(key, algorithm, digest);
  const { curve: name, namedCurve } = ecc;
  const curve = await ecdsa(name);
  const params = { name: 'ECDSA', namedCurve };
  const handle = await crypto.subtle.importKey('pkcs8', plain(fromBase64(key.privateKey ?? '')), params, true, [
    'sign',
  ]);
  const { d } = await crypto.subtle.exportKey('jwk', handle);
  return rawToDer(curve.sign(digest, base64url(d ?? ''), { prehash: false }));
}

/** Whether the signature is the key's over the digest (ECDSA high-S signatures count: WebCrypto makes them). */
export async function verifyDigest(
  key: KmsKey,
  algorithm: SigningAlgorithm,
  digest: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const ecc = curveOf(key);
  if (!ecc) return verifyRsaDigest(key, algorithm, digest, signature);
  const { curve: name, namedCurve, size } = ecc;
  const curve = await ecdsa(name);
  const raw = derToRaw(signature, size);
  if (raw === undefined) return false;
  const handle = await crypto.subtle.importKey(
    'spki',
    plain(fromBase64(key.publicKey ?? '')),
    { name: 'ECDSA', namedCurve },
    true,
    ['verify'],
  );
  const point = new Uint8Array(await crypto.subtle.exportKey('raw', handle));
  return curve.verify(raw, digest, point, { prehash: false, lowS: false });
}
