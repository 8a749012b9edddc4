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

// TODO: a cache entry at module scope, e.g.
// let entry: { value: Promise<DbCredentials>; expiresAt: number } | undefined;

async function fetchCredentials(): Promise<DbCredentials> {
  const response = await client.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  if (response.SecretString === undefined) throw new Error(`${SECRET_ID} has no SecretString`);
  return JSON.parse(response.SecretString) as DbCredentials;
}

export function getDbCredentials(): Promise<DbCredentials> {
  // TODO: reuse the cached promise while Date.now() is before its expiry (TTL_MS after the fetch);
  //       otherwise fetch, remember the promise with its expiry, and forget it if it fails.
  return fetchCredentials();
}

const creds = await getDbCredentials();
console.log('connected as', creds.username, 'at', new Date().toISOString());
