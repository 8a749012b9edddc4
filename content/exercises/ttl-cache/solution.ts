import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface DbCredentials {
  username: string;
  password: string;
  host: string;
  port: number;
  dbname: string;
}

const SECRET_ID = 'pettracker/dev/db-credentials';
const TTL_MS = 5 * 60 * 1000;

const client = new SecretsManagerClient({});

interface Entry {
  value: Promise<DbCredentials>;
  /** Date.now() after which the value must be fetched again. */
  expiresAt: number;
}

// One entry per execution environment, shared by every invocation.
let entry: Entry | undefined;

async function fetchCredentials(): Promise<DbCredentials> {
  const response = await client.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  if (response.SecretString === undefined) throw new Error(`${SECRET_ID} has no SecretString`);
  return JSON.parse(response.SecretString) as DbCredentials;
}

export function getDbCredentials(): Promise<DbCredentials> {
  const now = Date.now();
  if (entry !== undefined && now < entry.expiresAt) return entry.value;

  // The promise is cached before it settles, so concurrent callers share one request.
  const value = fetchCredentials();
  const fresh: Entry = { value, expiresAt: now + TTL_MS };
  entry = fresh;
  // A failed read is forgotten (only if no newer entry replaced it), so the next call retries.
  value.catch(() => {
    if (entry === fresh) entry = undefined;
  });
  return value;
}

const creds = await getDbCredentials();
console.log('connected as', creds.username, 'at', new Date().toISOString());
