// expect: sends-token: 403 Bad Token
// Forgets the token header: the extension refuses every request.
async function fromExtension<T>(path: string): Promise<T> {
  const response = await fetch(`http://localhost:2773${path}`);
  if (!response.ok) throw new Error(`Extension answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const handler = async () => {
  const secret = await fromExtension<{ SecretString?: string }>(
    '/secretsmanager/get?secretId=pettracker/dev/db-credentials',
  );
  const parameter = await fromExtension<{ Parameter?: { Value?: string } }>(
    '/systemsmanager/parameters/get?name=/pettracker/dev/maps-api-key&withDecryption=true',
  );
  const creds = JSON.parse(secret.SecretString ?? '{}');
  return {
    statusCode: 200,
    body: JSON.stringify({ dbUser: creds.username, mapsKeyLast4: parameter.Parameter?.Value?.slice(-4) }),
  };
};
