// expect: failure-not-cached: the failed promise stayed in the cache
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
const TTL_MS = 5 * 60 * 1000;
let entry: { value: Promise<unknown>; expiresAt: number } | undefined;

export function getDbCredentials() {
  if (entry && Date.now() < entry.expiresAt) return entry.value;
  const value = client
    .send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }))
    .then((r) => JSON.parse(r.SecretString ?? '{}'));
  // A rejected promise is cached for the full TTL too.
  entry = { value, expiresAt: Date.now() + TTL_MS };
  return value;
}
