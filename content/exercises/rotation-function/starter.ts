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
}

const client = new SecretsManagerClient({});

/** A version of the secret by label (and, for the pending one, by the rotation's token). */
async function getSecret(secretId: string, stage: string, versionId?: string): Promise<DbSecret> {
  const response = await client.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage, VersionId: versionId }),
  );
  return JSON.parse(response.SecretString ?? '{}') as DbSecret;
}

/** Logs in to the database with a secret's credentials (rejects with an AuthenticationError if wrong). */
function login(secret: DbSecret) {
  return connect({
    host: secret.host,
    port: secret.port,
    user: secret.username,
    password: secret.password,
    database: secret.dbname,
  });
}

async function createSecret(arn: string, token: string): Promise<void> {
  // TODO: if the AWSPENDING version `token` already has a value, stop here (a retry).
  //       Otherwise copy AWSCURRENT with a password from GetRandomPasswordCommand and store it with
  //       PutSecretValueCommand({ ClientRequestToken: token, VersionStages: ['AWSPENDING'], ... }).
}

async function setSecret(arn: string, token: string): Promise<void> {
  // TODO: log in with AWSCURRENT and run `ALTER USER <username> WITH PASSWORD $1` with the pending password.
}

async function testSecret(arn: string, token: string): Promise<void> {
  // TODO: log in with the AWSPENDING credentials and run `SELECT 1`.
}

async function finishSecret(arn: string, token: string): Promise<void> {
  // TODO: move AWSCURRENT to `token` with UpdateSecretVersionStageCommand (find the current version
  //       with DescribeSecretCommand: VersionIdsToStages).
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
