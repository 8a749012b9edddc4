// expect: missing-secret: threw ResourceNotFoundException
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

export class SecretUnavailableError extends Error {
  constructor(secretId: string, options?: { cause?: unknown }) {
    super(`Secret ${secretId} is scheduled for deletion`, options);
    this.name = 'SecretUnavailableError';
  }
}

export async function readSecret(secretId: string): Promise<string | undefined> {
  try {
    const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (response.SecretBinary) return new TextDecoder().decode(response.SecretBinary);
    return response.SecretString;
  } catch (err) {
    // Guesses AWS's wording instead of checking the error's name.
    if ((err as Error).message.includes('not found')) return undefined;
    if ((err as Error).message.includes('deletion')) throw new SecretUnavailableError(secretId, { cause: err });
    throw err;
  }
}
