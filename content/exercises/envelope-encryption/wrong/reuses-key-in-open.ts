// expect: opens: a certificate sealed elsewhere
// Keeps the last data key in memory and opens with it, instead of decrypting the record's own key.
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});
const KEY_ID = 'alias/pettracker-records';

export interface Sealed {
  encryptedKey: Uint8Array;
  iv: Uint8Array;
  ciphertext: Uint8Array;
}

let lastKey: CryptoKey | undefined;

export async function seal(document: Uint8Array, petId: string): Promise<Sealed> {
  const response = await kms.send(
    new GenerateDataKeyCommand({ KeyId: KEY_ID, KeySpec: 'AES_256', EncryptionContext: { petId } }),
  );
  if (!response.Plaintext || !response.CiphertextBlob) throw new Error('GenerateDataKey returned no key');
  const rawKey = new Uint8Array(response.Plaintext);
  lastKey = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
  rawKey.fill(0);
  response.Plaintext.fill(0);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const encrypted = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, lastKey, new Uint8Array(document));
  return { encryptedKey: response.CiphertextBlob, iv, ciphertext: new Uint8Array(encrypted) };
}

// Saves a KMS call... and works only for the certificate this instance sealed last.
export async function open(sealed: Sealed, _petId: string): Promise<Uint8Array> {
  if (!lastKey) throw new Error('No data key in memory');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: new Uint8Array(sealed.iv) },
    lastKey,
    new Uint8Array(sealed.ciphertext),
  );
  return new Uint8Array(plain);
}

const certificate = new TextEncoder().encode(`%PDF-1.7 certificate for rex-042\n${'Rabies, 2026-03-14\n'.repeat(400)}`);
const sealed = await seal(certificate, 'rex-042');
console.log('opened', (await open(sealed, 'rex-042')).length, 'bytes');
