import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { connect } from '@pettracker/db';

interface RotationEvent {
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
  SecretId: string;
  ClientRequestToken: string;
}

interface DbSecret {
  host: string;
  port: number;
  username: string;
  password: string;
  dbname: string;
  /** The ARN of the superuser secret (pettracker/prod/db-master): alternating users need it. */
  masterarn?: string;
}

const client = new SecretsManagerClient({});

async function getSecret(secretId: string, stage: string, versionId?: string): Promise<DbSecret> {
  const response = await client.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage, VersionId: versionId }),
  );
  return JSON.parse(response.SecretString ?? '{}') as DbSecret;
}

function login(secret: DbSecret) {
  return connect({
    host: secret.host,
    port: secret.port,
    user: secret.username,
    password: secret.password,
    database: secret.dbname,
  });
}

// Alex's single-user rotation function, from dev. Prod must use alternating users instead.

/** createSecret: a new password under AWSPENDING, unless this token's version already has one. */
async function createSecret(arn: string, token: string): Promise<void> {
  const current = await getSecret(arn, 'AWSCURRENT');
  try {
    await getSecret(arn, 'AWSPENDING', token);
    return; // a retried step: keep the pending password that may already be set in the database
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
  }
  const { RandomPassword } = await client.send(
    new GetRandomPasswordCommand({ PasswordLength: 32, ExcludeCharacters: ':/@"\'\\' }),
  );
  await client.send(
    new PutSecretValueCommand({
      SecretId: arn,
      ClientRequestToken: token,
      // TODO 1: store the *other* user: pettracker_app ↔ pettracker_app_clone (add or remove "_clone").
      SecretString: JSON.stringify({ ...current, password: RandomPassword }),
      VersionStages: ['AWSPENDING'],
    }),
  );
}

/**
 * setSecret: the user changes its own password to the pending one (single-user strategy).
 * TODO 2: log in as the superuser instead (the secret named by current.masterarn, AWSCURRENT) and
 *         change the *pending* user: the first time it doesn't exist yet, so
 *         CREATE ROLE <pending> WITH LOGIN PASSWORD $1, then GRANT <current> TO <pending>;
 *         later, ALTER USER <pending> WITH PASSWORD $1. Never touch the current user.
 */
async function setSecret(arn: string, token: string): Promise<void> {
  const pending = await getSecret(arn, 'AWSPENDING', token);
  try {
    const already = await login(pending);
    await already.close();
    return; // the database already has the pending password
  } catch (err) {
    if ((err as Error).name !== 'AuthenticationError') throw err;
  }
  const current = await getSecret(arn, 'AWSCURRENT');
  if (!/^[a-z_][a-z0-9_]*$/.test(current.username)) throw new Error(`Unexpected user name ${current.username}`);
  const db = await login(current);
  try {
    // The password travels as a parameter, never inside the SQL text.
    await db.query(`ALTER USER ${current.username} WITH PASSWORD $1`, [pending.password]);
  } finally {
    await db.close();
  }
}

/** testSecret: the pending credentials must log in and run a query. */
async function testSecret(arn: string, token: string): Promise<void> {
  const db = await login(await getSecret(arn, 'AWSPENDING', token));
  try {
    await db.query('SELECT 1');
  } finally {
    await db.close();
  }
}

/** finishSecret: AWSCURRENT moves to the new version; Secrets Manager moves AWSPREVIOUS itself. */
async function finishSecret(arn: string, token: string): Promise<void> {
  const { VersionIdsToStages = {} } = await client.send(new DescribeSecretCommand({ SecretId: arn }));
  const current = Object.keys(VersionIdsToStages).find((id) => VersionIdsToStages[id]?.includes('AWSCURRENT'));
  if (current === token) return;
  await client.send(
    new UpdateSecretVersionStageCommand({
      SecretId: arn,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: token,
      RemoveFromVersionId: current,
    }),
  );
}

export const handler = async (event: RotationEvent): Promise<void> => {
  const { Step, SecretId, ClientRequestToken } = event;
  console.log(`rotation step ${Step} for version ${ClientRequestToken}`);
  switch (Step) {
    case 'createSecret':
      return createSecret(SecretId, ClientRequestToken);
    case 'setSecret':
      return setSecret(SecretId, ClientRequestToken);
    case 'testSecret':
      return testSecret(SecretId, ClientRequestToken);
    case 'finishSecret':
      return finishSecret(SecretId, ClientRequestToken);
    default:
      throw new Error(`Unknown step ${String(Step)}`);
  }
};
