import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface DbCredentials {
  username: string;
  password: string;
  host: string;
  port: number;
  dbname: string;
}

const SECRET_ID = 'pettracker/dev/db-credentials';

// Created once per execution environment and reused by every invocation.
const client = new SecretsManagerClient({});

export async function getDbCredentials(): Promise<DbCredentials> {
  // TODO 1: send `new GetSecretValueCommand({ SecretId: SECRET_ID })` with `client`.
  // TODO 2: parse the response's SecretString as JSON and return it.
  throw new Error(`TODO: read ${SECRET_ID}`);
}

// Try it here; the checks also call getDbCredentials() after this code has run.
const creds = await getDbCredentials();
console.log(`connecting as ${creds.username}`);
