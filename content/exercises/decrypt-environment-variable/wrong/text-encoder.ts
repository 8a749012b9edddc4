// expect: decrypts-key: not the bytes of the text itself (TextEncoder)
// Sends the bytes of the base64 text instead of the bytes it stands for.
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});

// The plaintext's promise, kept for the life of the execution environment.
let smsApiKey: Promise<string> | undefined;

async function decryptVariable(name: string): Promise<string> {
  const encrypted = process.env[name];
  if (encrypted === undefined) throw new Error(`Environment variable ${name} is not set`);
  const { Plaintext } = await kms.send(
    new DecryptCommand({
      // Encodes the text... which is not the ciphertext: the text is its base64.
      CiphertextBlob: new TextEncoder().encode(encrypted),
      // The console's helpers encrypt with this context; Decrypt fails without an exact match.
      EncryptionContext: { LambdaFunctionName: process.env.AWS_LAMBDA_FUNCTION_NAME ?? '' },
    }),
  );
  if (Plaintext === undefined) throw new Error(`${name} did not decrypt`);
  return new TextDecoder().decode(Plaintext);
}

function getSmsApiKey(): Promise<string> {
  smsApiKey ??= decryptVariable('SMS_API_KEY').catch((err: unknown) => {
    smsApiKey = undefined; // a failed Decrypt is tried again on the next invocation
    throw err;
  });
  return smsApiKey;
}

export const handler = async (event: { petId: string }) => {
  const key = await getSmsApiKey();
  // The SMS provider's client is not in the lab: say which key would be used, never the key itself.
  console.log('sending a vaccination reminder for', event.petId);
  return { sent: true, petId: event.petId, keyLast4: key.slice(-4) };
};
