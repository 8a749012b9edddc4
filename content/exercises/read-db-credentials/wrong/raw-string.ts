// expect: parses-json: returned a string
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

// Forgets that SecretString is JSON text.
export async function getDbCredentials() {
  const response = await client.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));
  return response.SecretString;
}
