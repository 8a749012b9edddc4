// expect: fresh-after-ttl: performance.now()
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
const TTL_MS = 5 * 60 * 1000;
let entry: { value: Promise<unknown>; expiresAt: number } | undefined;

// Monotonic real time: right in production, but the lab's clock is Date.now().
export function getDbCredentials() {
  if (entry && performance.now() < entry.expiresAt) return entry.value;
  const value = client
    .send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }))
    .then((r) => JSON.parse(r.SecretString ?? '{}'));
  entry = { value, expiresAt: performance.now() + TTL_MS };
  value.catch(() => (entry = undefined));
  return value;
}
