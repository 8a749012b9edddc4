import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

/** Thrown when a secret exists but can't be read because it is scheduled for deletion. */
export class SecretUnavailableError extends Error {
  constructor(secretId: string, options?: { cause?: unknown }) {
    super(`Secret ${secretId} is scheduled for deletion: restore it with RestoreSecret or stop reading it`, options);
    this.name = 'SecretUnavailableError';
  }
}

export async function readSecret(secretId: string): Promise<string | undefined> {
  // TODO: catch ResourceNotFoundException (return undefined) and
  //       InvalidRequestException (throw a SecretUnavailableError with the error as its cause).
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  // TODO: a binary secret has no SecretString; decode response.SecretBinary instead.
  return response.SecretString;
}

console.log('db credentials:', (await readSecret('pettracker/dev/db-credentials'))?.length, 'characters');
console.log('webhook key:', await readSecret('pettracker/dev/payments-webhook-key'));
