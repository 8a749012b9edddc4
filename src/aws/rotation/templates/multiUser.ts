import { roleExists } from '../../db/errors';
import type { DbEngine } from '../../db/state';
import {
  createPending,
  finishPending,
  getConnection,
  getSecretDict,
  type TemplateContext,
  type TemplateDeps,
  templateHandler,
  testPending,
  valueError,
} from './common';

/** The alternate user: `app` ↔ `app_clone`, as the alternating-users templates name it. */
export function altUsername(username: string): string {
  return username.endsWith('_clone') ? username.slice(0, -'_clone'.length) : `${username}_clone`;
}

/**
 * setSecret of the alternating-users strategy: log in as the master user (the secret named by
 * `masterarn` in the current secret) and give the *other* user the new password, creating it
 * (with the current user's grants) on the first rotation. The current user keeps working
 * throughout; after finishSecret the other user takes over, and the next rotation changes the
 * first user's password.
 */
async function setSecret(t: TemplateContext) {
  const current = await getSecretDict(t, t.arn, 'AWSCURRENT');
  const pending = await getSecretDict(t, t.arn, 'AWSPENDING', t.token);
  const already = await getConnection(t, pending);
  if (already) {
    await already.close();
    return;
  }
  if (altUsername(current.username) !== pending.username) {
    throw valueError(
      `Attempting to modify user ${pending.username} other than current user or clone ${current.username}`,
    );
  }
  if (current.host !== pending.host) {
    throw valueError(`Attempting to modify user for host ${pending.host} other than current host ${current.host}`);
  }
  const check = await getConnection(t, current);
  if (!check) throw valueError(`Unable to log into database using current credentials for secret ${t.arn}`);
  await check.close();
  const masterArn = current.masterarn;
  if (typeof masterArn !== 'string') throw valueError(`masterarn key is missing from secret JSON of ${t.arn}`);
  const master = await getSecretDict(t, masterArn, 'AWSCURRENT');
  master.dbname = current.dbname;
  if (current.host !== master.host) {
    throw valueError(`Current database host ${current.host} is not the same host as master ${master.host}`);
  }
  const conn = await getConnection(t, master);
  if (!conn) throw valueError(`Unable to log into database using credentials in master secret ${masterArn}`);
  try {
    if (t.engine === 'postgres') {
      const { rows } = await conn.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [pending.username]);
      if (rows.length === 0) {
        await conn.query(`CREATE ROLE ${pending.username} WITH LOGIN PASSWORD $1`, [pending.password]);
        await conn.query(`GRANT ${current.username} TO ${pending.username}`);
      } else {
        await conn.query(`ALTER USER ${pending.username} WITH PASSWORD $1`, [pending.password]);
      }
    } else {
      try {
        await conn.query('CREATE USER ? IDENTIFIED BY ?', [pending.username, pending.password]);
      } catch (e) {
        if (!(e instanceof Error && e.message === roleExists(pending.username).message)) throw e;
        await conn.query('ALTER USER ? IDENTIFIED BY ?', [pending.username, pending.password]);
      }
    }
  } finally {
    await conn.close();
  }
}

/** The alternating-users rotation template (AWS's SecretsManagerRDS<Engine>RotationMultiUser) for the simulated database. */
export function multiUserTemplate(deps: TemplateDeps, engine: DbEngine) {
  return templateHandler(deps, engine, {
    createSecret: (t) =>
      createPending(t, (current, password) => ({ ...current, username: altUsername(current.username), password })),
    setSecret,
    testSecret: testPending,
    finishSecret: finishPending,
  });
}
