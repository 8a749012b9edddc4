import type { RsaPrivateKey, SignatureScheme } from 'node-forge';
import { fromBase64 } from '../core/base64';
import type { SigningAlgorithm } from './keySpecs';
import type { KmsKey } from './state';

/**
 * RSA signatures over a digest (MessageType DIGEST), which WebCrypto cannot make: it always hashes
 * what it signs. node-forge's RSA takes the digest itself (`sign(md)` reads `md.digest()`, `verify`
 * takes the digest), for RSASSA-PKCS1-v1_5 and RSASSA-PSS (salt as long as the hash, as KMS's PSS
 * algorithms and asymmetric.ts use). It is loaded on first use, so the lab's worker bundle does not
 * grow for it. The key's PKCS#8 and SPKI DER are the ones WebCrypto made (asymmetric.ts).
 */
async function forgeOf() {
  return (await import('node-forge')).default;
}

type Forge = Awaited<ReturnType<typeof forgeOf>>;

const hashOf = (algorithm: SigningAlgorithm) => `sha${algorithm.slice(-3)}` as 'sha256' | 'sha384' | 'sha512';

/** The scheme: PKCS #1 v1.5 by name, or PSS with MGF1 and a salt as long as the hash. */
function schemeOf(forge: Forge, algorithm: SigningAlgorithm): SignatureScheme | 'RSASSA-PKCS1-V1_5' {
  if (!algorithm.startsWith('RSASSA_PSS')) return 'RSASSA-PKCS1-V1_5';
  const hash = hashOf(algorithm);
  return forge.pss.create({
    md: forge.md[hash].create(),
    mgf: forge.mgf.mgf1.create(forge.md[hash].create()),
    saltLength: Number(algorithm.slice(-3)) / 8,
    // The platform's generator, as WebCrypto's RSA-PSS salts on the RAW path.
    prng: { getBytesSync: (count) => forge.util.binary.raw.encode(crypto.getRandomValues(new Uint8Array(count))) },
  });
}

export async function signRsaDigest(key: KmsKey, algorithm: SigningAlgorithm, digest: Uint8Array): Promise<Uint8Array> {
  const forge = await forgeOf();
  const der = forge.util.binary.raw.encode(fromBase64(key.privateKey ?? ''));
  const privateKey: RsaPrivateKey = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(der));
  const bytes = forge.util.binary.raw.encode(digest);
  const md = { algorithm: hashOf(algorithm), digest: () => forge.util.createBuffer(bytes) };
  return forge.util.binary.raw.decode(privateKey.sign(md, schemeOf(forge, algorithm)));
}

export async function verifyRsaDigest(
  key: KmsKey,
  algorithm: SigningAlgorithm,
  digest: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const forge = await forgeOf();
  const der = forge.util.binary.raw.encode(fromBase64(key.publicKey ?? ''));
  const publicKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(der));
  try {
    const raw = forge.util.binary.raw;
    return publicKey.verify(raw.encode(digest), raw.encode(signature), schemeOf(forge, algorithm));
  } catch {
    return false; // a signature that does not decode (wrong length, bad padding) is simply not valid
  }
}
