// expect: other-errors: Only an AuthenticationError means the password changed
// Refreshes the secret whatever went wrong.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { connect } from '@pettracker/db';

interface DbCredentials {
  username: string;
  password: string;
  host: string;
  port: number;
  dbname: string;
}

type Connection = Awaited<ReturnType<typeof connect>>;

const SECRET_ID = 'pettracker/dev/db-credentials';
const secrets = new SecretsManagerClient({});

let credentials: Promise<DbCredentials> | undefined;

async function fetchCredentials(): Promise<DbCredentials> {
  const response = await secrets.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  if (response.SecretString === undefined) throw new Error(`${SECRET_ID} has no SecretString`);
  return JSON.parse(response.SecretString) as DbCredentials;
}

/** One fetch per environment; a failed fetch is forgotten so the next call retries. */
function getDbCredentials(): Promise<DbCredentials> {
  credentials ??= fetchCredentials().catch((err: unknown) => {
    credentials = undefined;
    throw err;
  });
  return credentials;
}

function connectWith(creds: DbCredentials): Promise<Connection> {
  return connect({
    host: creds.host,
    port: creds.port,
    user: creds.username,
    password: creds.password,
    database: creds.dbname,
  });
}

async function getConnection(): Promise<Connection> {
  try {
    return await connectWith(await getDbCredentials());
  } catch (err) {
    void err; // whatever failed, try with a fresh secret
    credentials = undefined;
    return connectWith(await getDbCredentials());
  }
}

export async function countPets(): Promise<number> {
  const db = await getConnection();
  try {
    const { rows } = await db.query('SELECT COUNT(*) FROM pets');
    return Number(rows[0]?.count);
  } finally {
    await db.close();
  }
}

console.log('pets:', await countPets());
