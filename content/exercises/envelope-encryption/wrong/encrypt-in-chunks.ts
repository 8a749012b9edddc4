// expect: generates-data-key: KMS saw the certificate itself
// Splits the certificate into 4 KB pieces and sends each to Encrypt: it works, one KMS request per 4 KB.
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});
const KEY_ID = 'alias/pettracker-records';
const CHUNK = 4096;

export interface Sealed {
  encryptedKey: Uint8Array;
  iv: Uint8Array;
  ciphertext: Uint8Array;
}

// Each encrypted chunk: a 2-byte length, then the chunk's ciphertext blob.
export async function seal(document: Uint8Array, petId: string): Promise<Sealed> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < document.length; i += CHUNK) {
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: KEY_ID, Plaintext: document.subarray(i, i + CHUNK), EncryptionContext: { petId } }),
    );
    const blob = CiphertextBlob ?? new Uint8Array();
    parts.push(new Uint8Array([blob.length >> 8, blob.length & 255]), blob);
  }
  const ciphertext = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    ciphertext.set(p, at);
    at += p.length;
  }
  return { encryptedKey: new Uint8Array(), iv: new Uint8Array(), ciphertext };
}

export async function open(sealed: Sealed, petId: string): Promise<Uint8Array> {
  const out: number[] = [];
  for (let at = 0; at < sealed.ciphertext.length; ) {
    const length = ((sealed.ciphertext[at] ?? 0) << 8) | (sealed.ciphertext[at + 1] ?? 0);
    const blob = sealed.ciphertext.subarray(at + 2, at + 2 + length);
    const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: { petId } }));
    out.push(...(Plaintext ?? []));
    at += 2 + length;
  }
  return new Uint8Array(out);
}

const certificate = new TextEncoder().encode(`%PDF-1.7 certificate for rex-042\n${'Rabies, 2026-03-14\n'.repeat(400)}`);
const sealed = await seal(certificate, 'rex-042');
console.log('sealed', sealed.ciphertext.length, 'bytes');
