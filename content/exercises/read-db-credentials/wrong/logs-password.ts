// expect: no-password-in-logs: contains the database password
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

export async function getDbCredentials() {
  const response = await client.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));
  const creds = JSON.parse(response.SecretString ?? '{}');
  // "Just for debugging": the whole object, password included, lands in CloudWatch Logs.
  console.log('db credentials', creds);
  return creds;
}
