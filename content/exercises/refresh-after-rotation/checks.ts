import { GetSecretValueCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const SECRET_ID = 'pettracker/dev/db-credentials';
const HOST = 'pettracker-dev.cluster-abc123.us-east-1.rds.amazonaws.com';
/** The fixture's master user: the checks change the app user's password with it. */
const MASTER = { user: 'pettracker_admin', password: 'dev-Adm1n-Example' };
/** AWS's single-user rotation template for PostgreSQL, built into the lab's emulator. */
const TEMPLATE_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRDSPostgreSQLRotationSingleUser';
const PETS = 3;

interface Outcome {
  value?: unknown;
  error?: Error;
  /** GetSecretValue calls made during this call. */
  fetched: number;
}

const reads = (t: CheckContext) => t.calls('secretsmanager', 'GetSecretValue').length;

async function countPets(t: CheckContext): Promise<Outcome> {
  const fn = t.exports.countPets;
  if (typeof fn !== 'function') t.fail('Export the function: `export async function countPets(): Promise<number> { ... }`.');
  const before = reads(t);
  try {
    const value = await (fn as () => Promise<unknown>)();
    return { value, fetched: reads(t) - before };
  } catch (e) {
    return { error: e as Error, fetched: reads(t) - before };
  }
}

/** Changes the app user's password in the database as the master user, behind the secret's back. */
async function setDatabasePassword(t: CheckContext, password: string): Promise<void> {
  const db = await t.db.connect({ host: HOST, port: 5432, user: MASTER.user, password: MASTER.password, database: 'pettracker' });
  try {
    await db.query('ALTER USER pettracker_app WITH PASSWORD $1', [password]);
  } finally {
    await db.close();
  }
}

async function storedPassword(t: CheckContext): Promise<string> {
  const { SecretString } = await t.sm.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  return (JSON.parse(SecretString ?? '{}') as { password: string }).password;
}

const threw = (o: Outcome) => `${o.error?.name}: ${String(o.error?.message).replace(/\.+$/, '')}`;

export default defineChecks([
  {
    id: 'counts-pets',
    title: 'countPets() counts the pets',
    run: async (t) => {
      const r = await countPets(t);
      if (r.error) t.fail(`countPets() threw ${threw(r)}. It should resolve to the number of pets.`);
      if (r.value !== PETS)
        t.fail(`countPets() resolved to ${JSON.stringify(r.value)}; the pets table has ${PETS} rows.`);
    },
  },
  {
    id: 'one-read',
    title: 'The secret is read once for many calls',
    run: async (t) => {
      let fetched = 0;
      for (let i = 0; i < 10; i++) fetched += (await countPets(t)).fetched;
      if (reads(t) > 1)
        t.fail(
          `10 calls of countPets() read the secret ${fetched} times (${reads(t)} reads in all). Keep the credentials (their promise) at module scope and reuse them: a rotation is rare, a query is not.`,
        );
    },
  },
  {
    id: 'refreshes-after-rotation',
    title: 'After a rotation, the next call reads the secret again and connects',
    run: async (t) => {
      await countPets(t); // the credentials are cached before the rotation
      await t.sm.send(
        new RotateSecretCommand({
          SecretId: SECRET_ID,
          RotationLambdaARN: TEMPLATE_ARN,
          RotationRules: { AutomaticallyAfterDays: 30 },
        }),
      );
      await t.emulator.idle();
      const r = await countPets(t);
      if (r.error?.name === 'AuthenticationError' && r.fetched === 0)
        t.fail(
          `After the secret was rotated, countPets() threw ${threw(r)}, and never asked Secrets Manager again: the cached password is stale. Catch the AuthenticationError (by err.name), forget the cached credentials, read the secret again and connect once more.`,
        );
      if (r.error) t.fail(`After the secret was rotated, countPets() threw ${threw(r)}.`);
      if (r.value !== PETS) t.fail(`After the rotation countPets() resolved to ${JSON.stringify(r.value)}.`);
      if (r.fetched > 1)
        t.fail(`countPets() read the secret ${r.fetched} times to recover from one rotation: once is enough.`);
      let later = 0;
      for (let i = 0; i < 5; i++) later += (await countPets(t)).fetched;
      if (later > 0)
        t.fail(
          `After recovering, 5 more calls read the secret ${later} times. Keep the fresh credentials cached, as before the rotation.`,
        );
    },
  },
  {
    id: 'retries-once',
    title: 'A password that still fails is reported after one retry',
    run: async (t) => {
      await countPets(t);
      const good = await storedPassword(t);
      await setDatabasePassword(t, 'changed-by-hand-Qz4Lm8');
      let r: Outcome;
      try {
        r = await countPets(t);
      } finally {
        await setDatabasePassword(t, good);
      }
      if (r.error === undefined)
        t.fail(
          `With a database password that matches no version of the secret, countPets() resolved to ${JSON.stringify(r.value)}. Let the error reach the caller: hiding it turns an outage into wrong answers.`,
        );
      if (r.error?.name !== 'AuthenticationError')
        t.fail(`With a wrong password countPets() threw ${threw(r)}; it should reject with the AuthenticationError itself.`);
      if (r.fetched === 0)
        t.fail(
          'countPets() gave up on an AuthenticationError without reading the secret again. Read it once more first: after a rotation, that is all it takes.',
        );
      if (r.fetched > 1)
        t.fail(
          `On a password that keeps failing, countPets() read the secret ${r.fetched} times for one call. Retry once: if the fresh password fails too, something else is wrong, and the error should surface.`,
        );
    },
  },
  {
    id: 'other-errors',
    title: 'Other errors are not treated as a rotation',
    run: async (t) => {
      await countPets(t);
      // Take the database server offline for one call.
      const servers = t.emulator.databases.state.servers;
      const key = Object.keys(servers).find((k) => servers[k]?.host === HOST) ?? '';
      const server = servers[key];
      delete servers[key];
      let r: Outcome;
      try {
        r = await countPets(t);
      } finally {
        if (server) servers[key] = server;
      }
      if (r.error === undefined) t.fail(`With the database unreachable, countPets() resolved to ${JSON.stringify(r.value)}.`);
      if (r.fetched > 0)
        t.fail(
          `With the database unreachable (${threw(r)}), countPets() read the secret again. Only an AuthenticationError means the password changed: let any other error through without refreshing.`,
        );
      if (r.error?.name !== 'ConnectionError')
        t.fail(`With the database unreachable, countPets() threw ${threw(r)}; let the driver's ConnectionError through.`);
    },
  },
]);
