// expect: first-rotation: GRANT pettracker_app TO pettracker_app_clone
// Creates the clone without the app user's privileges.
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
  /** The ARN of the superuser secret (alternating users only). */
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

/** The other user of the pair: pettracker_app ↔ pettracker_app_clone. */
function otherUser(username: string): string {
  return username.endsWith('_clone') ? username.slice(0, -'_clone'.length) : `${username}_clone`;
}

/** createSecret: the *other* user, with a new password, under AWSPENDING (unless this token has one). */
async function createSecret(arn: string, token: string): Promise<void> {
  const current = await getSecret(arn, 'AWSCURRENT');
  try {
    await getSecret(arn, 'AWSPENDING', token);
    return; // a retried step: keep the pending value
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
      SecretString: JSON.stringify({ ...current, username: otherUser(current.username), password: RandomPassword }),
      VersionStages: ['AWSPENDING'],
    }),
  );
}

/**
 * setSecret: as the superuser, give the other user the pending password, creating it (with the
 * current user's privileges) the first time. The current user is never touched, so the app keeps
 * working with the credentials it has.
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
  if (pending.username !== otherUser(current.username))
    throw new Error(`Pending user ${pending.username} is not the other user of ${current.username}`);
  for (const name of [pending.username, current.username])
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected user name ${name}`);
  if (!current.masterarn) throw new Error(`masterarn is missing from ${arn}`);
  const master = await getSecret(current.masterarn, 'AWSCURRENT');
  const db = await login({ ...master, dbname: current.dbname });
  try {
    const { rows } = await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [pending.username]);
    if (rows.length === 0) {
      await db.query(`CREATE ROLE ${pending.username} WITH LOGIN PASSWORD $1`, [pending.password]);
    } else {
      await db.query(`ALTER USER ${pending.username} WITH PASSWORD $1`, [pending.password]);
    }
  } finally {
    await db.close();
  }
}

/** testSecret: the pending credentials must log in and read the pets. */
async function testSecret(arn: string, token: string): Promise<void> {
  const db = await login(await getSecret(arn, 'AWSPENDING', token));
  try {
    await db.query('SELECT COUNT(*) FROM pets');
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
