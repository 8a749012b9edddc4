// expect: once-per-environment: 10 invocations of one execution environment made 10 Decrypt calls
// Decrypts inside the handler: one KMS request per invocation.
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';

const kms = new KMSClient({});

export const handler = async (event: { petId: string }) => {
  const { Plaintext } = await kms.send(
    new DecryptCommand({
      CiphertextBlob: Uint8Array.from(atob(process.env.SMS_API_KEY ?? ''), (c) => c.charCodeAt(0)),
      EncryptionContext: { LambdaFunctionName: process.env.AWS_LAMBDA_FUNCTION_NAME ?? '' },
    }),
  );
  const key = new TextDecoder().decode(Plaintext);
  console.log('sending a vaccination reminder for', event.petId);
  return { sent: true, petId: event.petId, keyLast4: key.slice(-4) };
};
