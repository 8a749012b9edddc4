// expect: fresh-after-ttl: still returned the previous password
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
let cached: Promise<unknown> | undefined;

// Memoised for the life of the execution environment: never sees a rotation.
export function getDbCredentials() {
  cached ??= client
    .send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }))
    .then((r) => JSON.parse(r.SecretString ?? '{}'))
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}
