import type { RequestHost } from '../../core/service';
import type { Connection } from '../../db/client';
import { connect } from '../../db/client';
import { DatabaseError } from '../../db/errors';
import type { DatabaseRegistry } from '../../db/registry';
import type { DbEngine } from '../../db/state';
import type { RotationEvent } from '../lambdaRegistry';
import { type SecretsCall, ServiceError, secretsClient } from './secretsClient';

/** Python's exception names, as the real templates' failures show in the Lambda's errorType. */
export const valueError = (message: string) => new ServiceError('ValueError', message);
export const keyError = (message: string) => new ServiceError('KeyError', message);

export type SecretDict = Record<string, unknown> & { host: string; username: string; password: string };

export interface TemplateContext {
  sm: SecretsCall;
  arn: string;
  token: string;
  engine: DbEngine;
  deps: TemplateDeps;
}

/** What a template uses: a way to call Secrets Manager, and the database servers it logs in to. */
export interface TemplateDeps {
  host: RequestHost;
  databases: DatabaseRegistry;
}

const ENGINES: Record<DbEngine, string[]> = {
  postgres: ['postgres', 'aurora-postgresql'],
  mysql: ['mysql', 'aurora-mysql'],
};

/**
 * GetSecretValue by stage (and VersionId when a token is given), parsed, with the templates'
 * checks: host, username and password are required; `engine` must name the template's engine.
 * Deliberate leniency: a secret without `engine` is accepted (the course's seed secret has none);
 * the real templates raise KeyError for it.
 */
export async function getSecretDict(
  t: TemplateContext,
  arn: string,
  stage: string,
  token?: string,
): Promise<SecretDict> {
  const out = await t.sm('GetSecretValue', {
    SecretId: arn,
    VersionStage: stage,
    ...(token ? { VersionId: token } : {}),
  });
  let dict: Record<string, unknown>;
  try {
    dict = JSON.parse(String(out.SecretString));
  } catch {
    throw valueError(`The secret ${arn} is not valid JSON`);
  }
  for (const field of ['host', 'username', 'password']) {
    if (!(field in dict)) throw keyError(`${field} key is missing from secret JSON`);
  }
  if ('engine' in dict && !ENGINES[t.engine].includes(String(dict.engine))) {
    throw keyError(
      `Database engine must be set to '${t.engine === 'postgres' ? 'postgres' : 'mysql'}' in order to use this rotation lambda`,
    );
  }
  return dict as SecretDict;
}

/** Logs in with a secret's credentials; null when the login fails, as the templates' get_connection. */
export async function getConnection(t: TemplateContext, dict: SecretDict): Promise<Connection | null> {
  const port = dict.port === undefined ? (t.engine === 'postgres' ? 5432 : 3306) : Number(dict.port);
  const database =
    dict.dbname === undefined || dict.dbname === null
      ? t.engine === 'postgres'
        ? 'postgres'
        : undefined
      : String(dict.dbname);
  try {
    return await connect(
      t.deps.databases,
      { host: dict.host, port, user: dict.username, password: dict.password, database },
      'event',
    );
  } catch (e) {
    if (e instanceof DatabaseError) return null;
    throw e;
  }
}

export interface TemplateSteps {
  createSecret(t: TemplateContext): Promise<void>;
  setSecret(t: TemplateContext): Promise<void>;
  testSecret(t: TemplateContext): Promise<void>;
  finishSecret(t: TemplateContext): Promise<void>;
}

/**
 * The templates' `lambda_handler`: check that rotation is enabled and that the token is a version
 * staged AWSPENDING (a version already AWSCURRENT means the work is done), then run the step.
 */
export function templateHandler(deps: TemplateDeps, engine: DbEngine, steps: TemplateSteps) {
  return async (event: RotationEvent): Promise<void> => {
    const arn = event.SecretId;
    const token = event.ClientRequestToken;
    const t: TemplateContext = { sm: secretsClient(deps.host, arn), arn, token, engine, deps };
    const metadata = await t.sm('DescribeSecret', { SecretId: arn });
    if (metadata.RotationEnabled === false) throw valueError(`Secret ${arn} is not enabled for rotation`);
    const versions = (metadata.VersionIdsToStages ?? {}) as Record<string, string[]>;
    const stages = versions[token];
    if (!stages) throw valueError(`Secret version ${token} has no stage for rotation of secret ${arn}.`);
    if (stages.includes('AWSCURRENT')) return;
    if (!stages.includes('AWSPENDING'))
      throw valueError(`Secret version ${token} not set as AWSPENDING for rotation of secret ${arn}.`);
    const step = steps[event.Step as keyof TemplateSteps];
    if (!step) throw valueError(`Invalid step parameter ${event.Step} for secret ${arn}`);
    await step(t);
  };
}

/** createSecret, shared: keep an existing AWSPENDING value, else store `make(current)` as AWSPENDING. */
export async function createPending(t: TemplateContext, make: (current: SecretDict, password: string) => SecretDict) {
  const current = await getSecretDict(t, t.arn, 'AWSCURRENT');
  try {
    await getSecretDict(t, t.arn, 'AWSPENDING', t.token);
  } catch (e) {
    if (!(e instanceof ServiceError && e.name === 'ResourceNotFoundException')) throw e;
    const { RandomPassword } = await t.sm('GetRandomPassword', { ExcludeCharacters: ':/@"\'\\' });
    await t.sm('PutSecretValue', {
      SecretId: t.arn,
      ClientRequestToken: t.token,
      SecretString: JSON.stringify(make({ ...current }, String(RandomPassword))),
      VersionStages: ['AWSPENDING'],
    });
  }
}

/** testSecret, shared: log in with the AWSPENDING credentials and run a query. */
export async function testPending(t: TemplateContext) {
  const conn = await getConnection(t, await getSecretDict(t, t.arn, 'AWSPENDING', t.token));
  if (!conn) throw valueError(`Unable to log into database with pending secret of secret ARN ${t.arn}`);
  try {
    await conn.query('SELECT NOW()');
  } finally {
    await conn.close();
  }
}

/** finishSecret, shared: move AWSCURRENT to the token's version (AWSPREVIOUS follows automatically). */
export async function finishPending(t: TemplateContext) {
  const metadata = await t.sm('DescribeSecret', { SecretId: t.arn });
  const versions = (metadata.VersionIdsToStages ?? {}) as Record<string, string[]>;
  const current = Object.keys(versions).find((v) => versions[v]?.includes('AWSCURRENT'));
  if (current === t.token) return;
  await t.sm('UpdateSecretVersionStage', {
    SecretId: t.arn,
    VersionStage: 'AWSCURRENT',
    MoveToVersionId: t.token,
    ...(current ? { RemoveFromVersionId: current } : {}),
  });
}
