import {
  GetSecretValueCommand,
  type GetSecretValueCommandOutput,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

/** Thrown when a secret exists but can't be read because it is scheduled for deletion. */
export class SecretUnavailableError extends Error {
  constructor(secretId: string, options?: { cause?: unknown }) {
    super(`Secret ${secretId} is scheduled for deletion: restore it with RestoreSecret or stop reading it`, options);
    this.name = 'SecretUnavailableError';
  }
}

/** The secret's text; undefined when it does not exist (the caller falls back to defaults). */
export async function readSecret(secretId: string): Promise<string | undefined> {
  let response: GetSecretValueCommandOutput;
  try {
    response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  } catch (err) {
    // Decide on the error's name: AWS keeps names stable, not messages.
    const name = (err as Error).name;
    if (name === 'ResourceNotFoundException') return undefined;
    if (name === 'InvalidRequestException') throw new SecretUnavailableError(secretId, { cause: err });
    throw err;
  }
  if (response.SecretString !== undefined) return response.SecretString;
  if (response.SecretBinary !== undefined) return new TextDecoder().decode(response.SecretBinary);
  throw new Error(`Secret ${secretId} has neither SecretString nor SecretBinary`);
}

const flags = await readSecret('pettracker/dev/feature-flags');
console.log('feature flags:', flags ?? 'none, using the defaults');
const key = await readSecret('pettracker/dev/payments-webhook-key');
console.log('webhook key is', key?.length, 'characters');
