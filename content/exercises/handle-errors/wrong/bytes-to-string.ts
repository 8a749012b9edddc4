// expect: binary-secret: list of byte values
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
    // A Uint8Array's toString() joins the byte values with commas.
    return response.SecretString ?? response.SecretBinary?.toString();
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined;
    if ((err as Error).name === 'InvalidRequestException') throw new SecretUnavailableError(secretId, { cause: err });
    throw err;
  }
}
