import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const secrets = new SecretsManagerClient({});
const ssm = new SSMClient({});

const EXTENSION = 'http://localhost:2773';

export const handler = async (_event: unknown) => {
  // TODO: read both values from the extension (EXTENSION) instead of calling AWS on every invocation,
  //       with the X-Aws-Parameters-Secrets-Token header set to process.env.AWS_SESSION_TOKEN.
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));
  const { Parameter } = await ssm.send(
    new GetParameterCommand({ Name: '/pettracker/dev/maps-api-key', WithDecryption: true }),
  );
  const creds = JSON.parse(secret.SecretString ?? '{}') as { username: string };
  const mapsKey = Parameter?.Value ?? '';
  void EXTENSION;
  return { statusCode: 200, body: JSON.stringify({ dbUser: creds.username, mapsKeyLast4: mapsKey.slice(-4) }) };
};

console.log(await handler({ path: '/pets' }));
