const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';

/** GET from the Parameters and Secrets Lambda Extension, with the token only this environment knows. */
async function fromExtension<T>(path: string): Promise<T> {
  const token = process.env.AWS_SESSION_TOKEN;
  if (token === undefined) throw new Error('AWS_SESSION_TOKEN is not set: not running in Lambda?');
  const response = await fetch(`http://localhost:${port}${path}`, {
    headers: { 'X-Aws-Parameters-Secrets-Token': token },
  });
  if (!response.ok) throw new Error(`Extension answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

// Called on every invocation: the extension's cache decides when AWS is asked again.
export const handler = async (_event: unknown) => {
  const secret = await fromExtension<{ SecretString?: string }>(
    `/secretsmanager/get?secretId=${encodeURIComponent('pettracker/dev/db-credentials')}`,
  );
  const parameter = await fromExtension<{ Parameter?: { Value?: string } }>(
    `/systemsmanager/parameters/get?name=${encodeURIComponent('/pettracker/dev/maps-api-key')}&withDecryption=true`,
  );
  const creds = JSON.parse(secret.SecretString ?? '{}') as { username?: string };
  const mapsKey = parameter.Parameter?.Value ?? '';
  return { statusCode: 200, body: JSON.stringify({ dbUser: creds.username, mapsKeyLast4: mapsKey.slice(-4) }) };
};

console.log(await handler({ path: '/pets' }));
