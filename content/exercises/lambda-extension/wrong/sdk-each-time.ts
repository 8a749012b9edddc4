// expect: reads-through-extension: called GetSecretValue with the SDK
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const secrets = new SecretsManagerClient({});
const headers = { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' };

// The parameter goes through the extension, but the secret is still read from AWS on every request.
export const handler = async () => {
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));
  const response = await fetch(
    'http://localhost:2773/systemsmanager/parameters/get?name=/pettracker/dev/maps-api-key&withDecryption=true',
    { headers },
  );
  const parameter = (await response.json()) as { Parameter?: { Value?: string } };
  const creds = JSON.parse(secret.SecretString ?? '{}');
  return {
    statusCode: 200,
    body: JSON.stringify({ dbUser: creds.username, mapsKeyLast4: parameter.Parameter?.Value?.slice(-4) }),
  };
};
