import type { DbEngine } from '../../db/state';
import {
  createPending,
  finishPending,
  getConnection,
  getSecretDict,
  type SecretDict,
  type TemplateContext,
  type TemplateDeps,
  templateHandler,
  testPending,
  valueError,
} from './common';
import { ServiceError } from './secretsClient';

/**
 * setSecret of the single-user strategy: the user changes its own password. If the AWSPENDING
 * password already works, there is nothing to do (a retried rotation); otherwise log in with
 * AWSCURRENT (or, if that fails, AWSPREVIOUS) and ALTER USER to the pending password, which
 * immediately stops the old one from working.
 */
async function setSecret(t: TemplateContext) {
  let previous: SecretDict | null = null;
  try {
    previous = await getSecretDict(t, t.arn, 'AWSPREVIOUS');
  } catch (e) {
    if (!(e instanceof ServiceError && (e.name === 'ResourceNotFoundException' || e.name === 'KeyError'))) throw e;
  }
  const current = await getSecretDict(t, t.arn, 'AWSCURRENT');
  const pending = await getSecretDict(t, t.arn, 'AWSPENDING', t.token);
  const already = await getConnection(t, pending);
  if (already) {
    await already.close();
    return;
  }
  if (current.username !== pending.username) {
    throw valueError(`Attempting to modify user ${pending.username} other than current user ${current.username}`);
  }
  if (current.host !== pending.host) {
    throw valueError(`Attempting to modify user for host ${pending.host} other than current host ${current.host}`);
  }
  let conn = await getConnection(t, current);
  if (!conn && previous) {
    if (previous.username !== pending.username || previous.host !== pending.host) {
      throw valueError(
        `Attempting to modify user ${pending.username} other than previous valid user ${previous.username}`,
      );
    }
    conn = await getConnection(t, previous);
  }
  if (!conn)
    throw valueError(`Unable to log into database with previous, current, or pending secret of secret arn ${t.arn}`);
  try {
    if (t.engine === 'postgres') {
      const { rows } = await conn.query('SELECT quote_ident($1)', [pending.username]);
      await conn.query(`ALTER USER ${String(rows[0]?.quote_ident)} WITH PASSWORD $1`, [pending.password]);
    } else {
      await conn.query('ALTER USER ? IDENTIFIED BY ?', [pending.username, pending.password]);
    }
  } finally {
    await conn.close();
  }
}

/** The single-user rotation template (AWS's SecretsManagerRDS<Engine>RotationSingleUser) for the simulated database. */
export function singleUserTemplate(deps: TemplateDeps, engine: DbEngine) {
  return templateHandler(deps, engine, {
    createSecret: (t) => createPending(t, (current, password) => ({ ...current, password })),
    setSecret,
    testSecret: testPending,
    finishSecret: finishPending,
  });
}
