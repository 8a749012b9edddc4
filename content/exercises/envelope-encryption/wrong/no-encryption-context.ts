// expect: encryption-context: GenerateDataKey had no EncryptionContext
// Leaves out the encryption context: a record copied to another pet still opens.
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});
const KEY_ID = 'alias/pettracker-records';

/** What PetTracker stores in S3 for one certificate: nothing here needs protecting. */
export interface Sealed {
  /** The data key, encrypted under the KMS key (GenerateDataKey's CiphertextBlob). */
  encryptedKey: Uint8Array;
  /** AES-GCM's 12-byte initialization vector, new for every certificate. */
  iv: Uint8Array;
  /** The certificate, encrypted locally with the plaintext data key. */
  ciphertext: Uint8Array;
}

export async function seal(document: Uint8Array, _petId: string): Promise<Sealed> {
  const response = await kms.send(
    new GenerateDataKeyCommand({ KeyId: KEY_ID, KeySpec: 'AES_256' }),
  );
  if (!response.Plaintext || !response.CiphertextBlob) throw new Error('GenerateDataKey returned no key');
  const rawKey = new Uint8Array(response.Plaintext);
  const key = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt']);
  // The plaintext data key is erased as soon as it has been imported: only the encrypted copy is kept.
  rawKey.fill(0);
  response.Plaintext.fill(0);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const encrypted = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(document));
  return { encryptedKey: response.CiphertextBlob, iv, ciphertext: new Uint8Array(encrypted) };
}

export async function open(sealed: Sealed, _petId: string): Promise<Uint8Array> {
  const { Plaintext } = await kms.send(
    new DecryptCommand({
      CiphertextBlob: sealed.encryptedKey,
      KeyId: KEY_ID,

    }),
  );
  if (!Plaintext) throw new Error('Decrypt returned no key');
  const rawKey = new Uint8Array(Plaintext);
  const key = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['decrypt']);
  rawKey.fill(0);
  Plaintext.fill(0);
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: new Uint8Array(sealed.iv) },
    key,
    new Uint8Array(sealed.ciphertext),
  );
  return new Uint8Array(plain);
}

const certificate = new TextEncoder().encode(`%PDF-1.7 certificate for rex-042\n${'Rabies, 2026-03-14\n'.repeat(400)}`);
const sealed = await seal(certificate, 'rex-042');
console.log('sealed', sealed.ciphertext.length, 'bytes');
