// expect: cache-absorbs-repeats: Ask the extension on every invocation
const headers = { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' };
let cached: { dbUser: string; mapsKeyLast4: string } | undefined;

// A second cache in front of the extension's: kept for the life of the environment, never refreshed.
export const handler = async () => {
  if (!cached) {
    const secret = await (
      await fetch('http://localhost:2773/secretsmanager/get?secretId=pettracker/dev/db-credentials', { headers })
    ).json();
    const parameter = await (
      await fetch(
        'http://localhost:2773/systemsmanager/parameters/get?name=/pettracker/dev/maps-api-key&withDecryption=true',
        { headers },
      )
    ).json();
    cached = { dbUser: JSON.parse(secret.SecretString).username, mapsKeyLast4: parameter.Parameter.Value.slice(-4) };
  }
  return { statusCode: 200, body: JSON.stringify(cached) };
};
