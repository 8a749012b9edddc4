import { fromBase64 } from '../core/base64';
import { derToRaw, rawToDer } from './ecdsaDer';
import { kmsErrors } from './errors';
import type { AsymmetricSpec, SigningAlgorithm } from './keySpecs';
import type { KmsKey } from './state';

/**
 * Sign and Verify with MessageType DIGEST: "KMS skips the hashing step in the signing algorithm", so
 * the message is the hash the algorithm would have computed, and "the length of the Message value
 * must match the length of hashed messages for the specified signing algorithm" (ValidationException
 * "Digest is invalid length for algorithm ECDSA_SHA_256." otherwise). WebCrypto always hashes what
 * it signs, so a digest is signed with @noble/curves' ECDSA on the given hash (`prehash: false`) under
 * the key's own material, exported from WebCrypto as a JWK. A signature over a digest is a signature
 * over every message with that hash: a DIGEST signature verifies as RAW, and a RAW one as DIGEST.
 * ECC keys only: RSA's DIGEST would need a hand-written RSA (see README.md, "Not modelled").
 * The curve library is loaded on first use, so the lab's worker bundle does not grow for it.
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

function curveOf(key: KmsKey, operation: string) {
  const spec = key.KeySpec as AsymmetricSpec;
  if (!Object.hasOwn(CURVES, spec))
    throw kmsErrors.unsupported(
      `This emulator signs and verifies MessageType DIGEST with ECC keys only, not ${spec} (${operation}).`,
    );
  return CURVES[spec as keyof typeof CURVES];
}

/** The digest's length must be the algorithm's hash length (32, 48 or 64 bytes). */
export function checkDigest(algorithm: SigningAlgorithm, digest: Uint8Array): void {
  const bytes = Number(algorithm.slice(-3)) / 8;
  if (digest.length !== bytes) throw kmsErrors.validation(`Digest is invalid length for algorithm ${algorithm}.`);
}

/** ECDSA over a digest: DER, as KMS returns it. */
export async function signDigest(key: KmsKey, digest: Uint8Array): Promise<Uint8Array> {
  const { curve: name, namedCurve } = curveOf(key, 'Sign');
  const curve = await ecdsa(name);
  const algorithm = { name: 'ECDSA', namedCurve };
  const handle = await crypto.subtle.importKey('pkcs8', plain(fromBase64(key.privateKey ?? '')), algorithm, true, [
    'sign',
  ]);
  const { d } = await crypto.subtle.exportKey('jwk', handle);
  return rawToDer(curve.sign(digest, base64url(d ?? ''), { prehash: false }));
}

/** Whether the DER signature is the key's over the digest (high-S signatures count: WebCrypto makes them). */
export async function verifyDigest(key: KmsKey, digest: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const { curve: name, namedCurve, size } = curveOf(key, 'Verify');
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
