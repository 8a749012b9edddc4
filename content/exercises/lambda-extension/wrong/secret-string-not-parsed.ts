// expect: parses-secret: parse its SecretString
const headers = { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' };

export const handler = async () => {
  const secretResponse = await fetch(
    'http://localhost:2773/secretsmanager/get?secretId=pettracker%2Fdev%2Fdb-credentials',
    { headers },
  );
  // The body is GetSecretValue's response, not the credentials themselves.
  const creds = (await secretResponse.json()) as { username?: string };
  const parameterResponse = await fetch(
    'http://localhost:2773/systemsmanager/parameters/get?name=%2Fpettracker%2Fdev%2Fmaps-api-key&withDecryption=true',
    { headers },
  );
  const parameter = (await parameterResponse.json()) as { Parameter?: { Value?: string } };
  return {
    statusCode: 200,
    body: JSON.stringify({ dbUser: creds.username, mapsKeyLast4: parameter.Parameter?.Value?.slice(-4) }),
  };
};
