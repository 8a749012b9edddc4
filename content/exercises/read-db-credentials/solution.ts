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
  const response = await client.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  if (response.SecretString === undefined) {
    throw new Error(`${SECRET_ID} has no SecretString (is it a binary secret?)`);
  }
  return JSON.parse(response.SecretString) as DbCredentials;
}

const creds = await getDbCredentials();
// Which user and host, never the password.
console.log(`connecting to ${creds.host}:${creds.port} as ${creds.username}`);
