// expect: one-call-per-ttl: GetSecretValue was called 20 times in one 5-minute window
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
const TTL_SECONDS = 300;
let entry: { value: Promise<unknown>; expiresAt: number } | undefined;

export function getDbCredentials() {
  if (entry && Date.now() < entry.expiresAt) return entry.value;
  const value = client
    .send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }))
    .then((r) => JSON.parse(r.SecretString ?? '{}'));
  // Date.now() is in milliseconds: this entry lives 0.3 seconds.
  entry = { value, expiresAt: Date.now() + TTL_SECONDS };
  value.catch(() => (entry = undefined));
  return value;
}
