import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});
const KEY_ID = 'alias/pettracker-records';

/** What PetTracker stores in S3 for one certificate: nothing here may need protecting. */
export interface Sealed {
  /** The data key, encrypted under the KMS key (GenerateDataKey's CiphertextBlob). */
  encryptedKey: Uint8Array;
  /** AES-GCM's 12-byte initialization vector, new for every certificate. */
  iv: Uint8Array;
  /** The certificate, encrypted locally with the plaintext data key. */
  ciphertext: Uint8Array;
}

// Alex's first try sends the whole certificate to KMS.
export async function seal(document: Uint8Array, petId: string): Promise<Sealed> {
  // TODO 1: ask KMS for a data key instead: GenerateDataKeyCommand({ KeyId, KeySpec: 'AES_256', EncryptionContext: { petId } }).
  // TODO 2: encrypt the document locally with AES-GCM under the plaintext key (crypto.subtle), then erase that key.
  // TODO 3: return only the encrypted data key (CiphertextBlob), the iv and the ciphertext.
  void GenerateDataKeyCommand;
  const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KEY_ID, Plaintext: document }));
  return { encryptedKey: new Uint8Array(), iv: new Uint8Array(), ciphertext: CiphertextBlob ?? new Uint8Array() };
}

export async function open(sealed: Sealed, petId: string): Promise<Uint8Array> {
  // TODO 4: Decrypt the stored data key (with the same encryption context), then AES-GCM-decrypt the ciphertext.
  void petId;
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: sealed.ciphertext }));
  return Plaintext ?? new Uint8Array();
}

const certificate = new TextEncoder().encode(
  `%PDF-1.7 vaccination certificate for rex-042\n${'Rabies, batch RB-2026-0142, given 2026-03-14\n'.repeat(200)}`,
);
try {
  const sealed = await seal(certificate, 'rex-042');
  console.log(`sealed ${certificate.length} bytes into ${sealed.ciphertext.length}`);
} catch (err) {
  console.log(`seal() failed for ${certificate.length} bytes: ${(err as Error).name}: ${(err as Error).message}`);
}
