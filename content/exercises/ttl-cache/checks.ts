import {
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const SECRET_ID = 'pettracker/dev/db-credentials';
const TTL_MS = 5 * 60 * 1000;
const STEP = '15 seconds';

const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)} UTC`;
const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
const secretCalls = (t: CheckContext) => t.calls('secretsmanager', 'GetSecretValue');
const now = (t: CheckContext) => t.emulator.clock.now();

function getDbCredentials(t: CheckContext): () => Promise<unknown> {
  const fn = t.exports.getDbCredentials;
  if (typeof fn !== 'function')
    t.fail('Export the function: `export function getDbCredentials(): Promise<DbCredentials> { ... }`.');
  return fn as () => Promise<unknown>;
}

/** One simulated invocation: the password it got, or a failure naming what it threw. */
async function invoke(t: CheckContext): Promise<string> {
  try {
    const creds = (await getDbCredentials(t)()) as { password?: unknown } | undefined;
    if (typeof creds?.password !== 'string')
      t.fail('getDbCredentials() should resolve to the parsed secret, an object with a password.');
    return creds.password as string;
  } catch (e) {
    if (e instanceof Error && e.name === 'CheckFailure') throw e;
    return t.fail(`getDbCredentials() threw ${(e as Error)?.name}: ${(e as Error)?.message} at ${clock(now(t))}.`);
  }
}

async function currentPassword(t: CheckContext): Promise<string> {
  const out = await t.sm.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  return (JSON.parse(out.SecretString ?? '{}') as { password: string }).password;
}

/** Rotates the secret as Secrets Manager would: a new AWSCURRENT version with a new password. */
async function rotate(t: CheckContext, password: string): Promise<void> {
  const out = await t.sm.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  const value = { ...JSON.parse(out.SecretString ?? '{}'), password };
  await t.sm.send(new PutSecretValueCommand({ SecretId: SECRET_ID, SecretString: JSON.stringify(value) }));
}

export default defineChecks([
  {
    id: 'one-call-per-ttl',
    title: 'At most one GetSecretValue call per 5 minutes',
    run: async (t) => {
      const expected = await currentPassword(t);
      for (let i = 0; i < 40; i++) {
        if ((await invoke(t)) !== expected)
          t.fail(
            `At ${clock(now(t))} getDbCredentials() returned a password that is not the secret's. Return the parsed SecretString.`,
          );
        await t.advance(STEP);
      }
      const times = secretCalls(t).map((c) => c.time);
      if (times.length === 0)
        t.fail('getDbCredentials() made no GetSecretValue call. Fetch the secret when the cache is empty.');
      for (let i = 0; i < times.length; i++) {
        const start = times[i] as number;
        const inWindow = times.filter((x) => x >= start && x < start + TTL_MS).length;
        if (inWindow > 1) {
          t.fail(
            `GetSecretValue was called ${inWindow} times in one 5-minute window (from ${clock(start)}). Cache the value and reuse it until the TTL passes: store expiresAt = Date.now() + 5 * 60 * 1000 (milliseconds; performance.now() works the same way) and fetch again only when the clock reaches it.`,
          );
        }
      }
    },
  },
  {
    id: 'fresh-after-ttl',
    title: 'Returns the rotated password once the TTL has passed',
    run: async (t) => {
      const old = await currentPassword(t);
      await rotate(t, 'rotated-Fq3Wm8Zp1Kd6');
      const rotatedAt = now(t);
      const before = secretCalls(t).length;
      let sawNew: number | undefined;
      for (let i = 0; i < 40; i++) {
        const password = await invoke(t);
        const age = now(t) - rotatedAt;
        if (password === old && sawNew !== undefined) {
          t.fail(
            `getDbCredentials() returned the new password at ${clock(sawNew)}, then the previous one again at ${clock(now(t))}. Replace the cached entry when you fetch; never go back to an older value.`,
          );
        }
        if (password === old && age >= TTL_MS) {
          const fetched = secretCalls(t).length - before;
          t.fail(
            fetched === 0
              ? `${minutes(age)} after the secret was rotated, getDbCredentials() still returned the previous password, and made no GetSecretValue call since. The entry never expires: compare the time (Date.now() or performance.now(): both follow the lab's simulated clock; timers follow real time) with the entry's expiry on every call.`
              : `${minutes(age)} after the secret was rotated, getDbCredentials() still returned the previous password. An entry must expire 5 minutes after it was fetched; after that, return the value of the new fetch.`,
          );
        }
        if (password !== old) sawNew ??= now(t);
        await t.advance(STEP);
      }
    },
  },
  {
    id: 'concurrent-calls',
    title: 'Concurrent calls share one request',
    run: async (t) => {
      await t.advance('6 minutes');
      const before = secretCalls(t).length;
      await Promise.all(Array.from({ length: 10 }, () => invoke(t)));
      const made = secretCalls(t).length - before;
      if (made > 1) {
        t.fail(
          `10 concurrent calls after the TTL made ${made} GetSecretValue calls. Put the promise in the cache before awaiting it, so calls that arrive together share one request.`,
        );
      }
    },
  },
  {
    id: 'failure-not-cached',
    title: 'A failed read is not served from the cache',
    run: async (t) => {
      await t.advance('6 minutes');
      await t.sm.send(new DeleteSecretCommand({ SecretId: SECRET_ID, RecoveryWindowInDays: 7 }));
      let failed = false;
      try {
        await getDbCredentials(t)();
      } catch {
        failed = true;
      }
      await t.sm.send(new RestoreSecretCommand({ SecretId: SECRET_ID }));
      if (!failed) {
        t.fail(
          'With the secret scheduled for deletion and the TTL passed, getDbCredentials() still returned a value. After the TTL, fetch again and let the error reach the caller.',
        );
      }
      const before = secretCalls(t).length;
      try {
        await getDbCredentials(t)();
      } catch (e) {
        const asked = secretCalls(t).length - before;
        t.fail(
          asked === 0
            ? `The secret was restored, but getDbCredentials() threw the earlier ${(e as Error)?.name} again without calling GetSecretValue: the failed promise stayed in the cache. Remove the entry when its promise rejects.`
            : `The secret was restored, but getDbCredentials() threw ${(e as Error)?.name}: ${(e as Error)?.message}.`,
        );
      }
    },
  },
]);
