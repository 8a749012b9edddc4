import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});

/** The plaintext of a variable encrypted with the Lambda console's helpers. */
async function decryptVariable(name: string): Promise<string> {
  const encrypted = process.env[name];
  if (encrypted === undefined) throw new Error(`Environment variable ${name} is not set`);
  // TODO 1: `encrypted` is base64 ciphertext, not the key. Send its bytes to KMS:
  //   kms.send(new DecryptCommand({ CiphertextBlob: Uint8Array.from(atob(encrypted), (c) => c.charCodeAt(0)), ... }))
  // TODO 2: with the context the helpers encrypted with: EncryptionContext: { LambdaFunctionName: <this function's name> }.
  // TODO 3: return new TextDecoder().decode(Plaintext).
  return encrypted;
}

export const handler = async (event: { petId: string }) => {
  // TODO 4: decrypt once per execution environment, not on every invocation: keep the promise at
  //         module scope, and forget it if it rejects.
  const key = await decryptVariable('SMS_API_KEY');
  // The SMS provider's client is not in the lab: say which key would be used, never the key itself.
  console.log('sending a vaccination reminder for', event.petId);
  return { sent: true, petId: event.petId, keyLast4: key.slice(-4) };
};
