// expect: reads-dev-secret: pettracker/prod/db-credentials
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

// Copied from the production module without changing the environment.
export async function getDbCredentials() {
  const response = await client.send(new GetSecretValueCommand({ SecretId: 'pettracker/prod/db-credentials' }));
  return JSON.parse(response.SecretString ?? '{}');
}
