import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  RotateSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const SECRET_ID = 'pettracker/dev/db-credentials';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:pettracker-dev-rotation';

interface DbSecret {
  host: string;
  port: number;
  username: string;
  password: string;
  dbname: string;
}

/** What the checks saw right after one step returned. */
interface Observation {
  step: string;
  token: string;
  stages: Record<string, string[]>;
  pendingPassword?: string;
}

interface FirstRotation {
  token: string;
  oldVersionId: string;
  oldPassword: string;
  observations: Observation[];
}

type Handler = (event: unknown, context: unknown) => unknown;

async function stagesOf(sm: SecretsManagerClient): Promise<Record<string, string[]>> {
  const out = await sm.send(new DescribeSecretCommand({ SecretId: SECRET_ID }));
  return (out.VersionIdsToStages ?? {}) as Record<string, string[]>;
}

async function secretAt(sm: SecretsManagerClient, stage: string, versionId?: string): Promise<DbSecret | undefined> {
  try {
    const out = await sm.send(
      new GetSecretValueCommand({ SecretId: SECRET_ID, VersionStage: stage, VersionId: versionId }),
    );
    return JSON.parse(out.SecretString ?? '{}') as DbSecret;
  } catch {
    return undefined;
  }
}

const versionWith = (stages: Record<string, string[]>, label: string) =>
  Object.keys(stages).find((id) => stages[id]?.includes(label));

/** The learner's handler, registered under FUNCTION_ARN behind a wrapper that records each step's effect. */
function register(t: CheckContext, observations: Observation[]): void {
  const handler = t.exports.handler;
  if (typeof handler !== 'function')
    t.fail('Export the rotation function: `export const handler = async (event) => { ... }`.');
  t.emulator.lambdas.register(FUNCTION_ARN, async (event, context) => {
    await (handler as Handler)(event, context);
    const seen: Observation = { step: event.Step, token: event.ClientRequestToken, stages: await stagesOf(t.sm) };
    if (event.Step === 'createSecret')
      seen.pendingPassword = (await secretAt(t.sm, 'AWSPENDING', event.ClientRequestToken))?.password;
    observations.push(seen);
  });
}

/** The rotation-failed event of a version, if the engine logged one (the step and the error). */
function failureOf(t: CheckContext, token: string, after = 0) {
  return t.emulator.log
    .entries()
    .find((e) => e.seq > after && e.operation === 'RotationFailed' && e.params.ClientRequestToken === token);
}

async function canLogIn(t: CheckContext, secret: DbSecret, password: string): Promise<string | undefined> {
  try {
    const db = await t.db.connect({
      host: secret.host,
      port: secret.port,
      user: secret.username,
      password,
      database: secret.dbname,
    });
    await db.close();
    return undefined;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

// One first rotation per run, shared by the tasks that inspect it (keyed by the run's emulator).
const firstRotations = new WeakMap<object, Promise<FirstRotation>>();

function firstRotation(t: CheckContext): Promise<FirstRotation> {
  let run = firstRotations.get(t.emulator);
  if (!run) {
    run = (async () => {
      const observations: Observation[] = [];
      register(t, observations);
      const stages = await stagesOf(t.sm);
      const oldVersionId = versionWith(stages, 'AWSCURRENT') ?? '';
      const oldPassword = (await secretAt(t.sm, 'AWSCURRENT'))?.password ?? '';
      const out = await t.sm.send(
        new RotateSecretCommand({
          SecretId: SECRET_ID,
          RotationLambdaARN: FUNCTION_ARN,
          RotationRules: { AutomaticallyAfterDays: 30 },
        }),
      );
      await t.emulator.idle();
      return { token: out.VersionId ?? '', oldVersionId, oldPassword, observations };
    })();
    firstRotations.set(t.emulator, run);
  }
  return run;
}

/** Fails unless the first rotation finished, naming the step that stopped it. */
async function completedRotation(t: CheckContext): Promise<FirstRotation> {
  const r = await firstRotation(t);
  const failed = failureOf(t, r.token);
  if (failed)
    t.fail(`The rotation stopped at ${String(failed.params.Step)}: ${failed.outcome}: ${failed.message ?? ''}`);
  return r;
}

export default defineChecks([
  {
    id: 'creates-pending',
    title: 'createSecret stores a new password as AWSPENDING',
    run: async (t) => {
      const r = await firstRotation(t);
      const seen = r.observations.find((o) => o.step === 'createSecret');
      if (!seen) {
        const failed = failureOf(t, r.token);
        t.fail(`createSecret threw ${failed?.outcome ?? 'an error'}: ${failed?.message ?? ''}`);
      }
      const o = seen as Observation;
      if (versionWith(o.stages, 'AWSCURRENT') !== r.oldVersionId) {
        t.fail(
          "After createSecret, AWSCURRENT had already moved to the new version: applications would read a password the database doesn't have yet. Store it with VersionStages: ['AWSPENDING'] only; finishSecret moves AWSCURRENT.",
        );
      }
      const pendingOn = versionWith(o.stages, 'AWSPENDING');
      if (pendingOn !== r.token) {
        t.fail(
          `After createSecret, AWSPENDING is on version ${pendingOn ?? 'none'}, not on the rotation's version ${r.token}. Pass ClientRequestToken: event.ClientRequestToken and VersionStages: ['AWSPENDING'] to PutSecretValue.`,
        );
      }
      if (o.pendingPassword === undefined) {
        t.fail(
          `After createSecret, version ${r.token} has no value. Store the new credentials with PutSecretValue({ SecretId, ClientRequestToken: token, SecretString, VersionStages: ['AWSPENDING'] }).`,
        );
      }
      if (o.pendingPassword === r.oldPassword)
        t.fail('The pending version holds the same password as AWSCURRENT. Generate a new one with GetRandomPassword.');
    },
  },
  {
    id: 'completes',
    title: 'The rotation completes: the new version is AWSCURRENT',
    run: async (t) => {
      const r = await completedRotation(t);
      const current = versionWith(await stagesOf(t.sm), 'AWSCURRENT');
      if (current !== r.token)
        t.fail(
          `After the four steps AWSCURRENT is on ${current}, not on ${r.token}. finishSecret must move it with UpdateSecretVersionStage.`,
        );
    },
  },
  {
    id: 'new-password-works',
    title: 'The database accepts the new password',
    run: async (t) => {
      const r = await completedRotation(t);
      const current = await secretAt(t.sm, 'AWSCURRENT');
      if (!current) t.fail('AWSCURRENT has no readable value after the rotation.');
      const c = current as DbSecret;
      if (c.password === r.oldPassword)
        t.fail('AWSCURRENT still holds the old password: createSecret must generate a new one.');
      const problem = await canLogIn(t, c, c.password);
      if (problem) {
        t.fail(
          `Logging in with the AWSCURRENT password failed (${problem}). setSecret must set the database password to the pending one before finishSecret makes it current.`,
        );
      }
    },
  },
  {
    id: 'old-password-fails',
    title: 'The old password stops working',
    run: async (t) => {
      const r = await completedRotation(t);
      const current = (await secretAt(t.sm, 'AWSCURRENT')) as DbSecret;
      if ((await canLogIn(t, current, r.oldPassword)) === undefined) {
        t.fail(
          `The old password still logs in as ${current.username}. setSecret must run ALTER USER ${current.username} WITH PASSWORD $1 with the pending password.`,
        );
      }
    },
  },
  {
    id: 'labels',
    title: 'AWSCURRENT, AWSPREVIOUS and AWSPENDING are where they belong',
    run: async (t) => {
      const r = await completedRotation(t);
      const stages = await stagesOf(t.sm);
      if (!stages[r.oldVersionId]?.includes('AWSPREVIOUS')) {
        t.fail(
          `The version that was AWSCURRENT before (${r.oldVersionId}) should now be AWSPREVIOUS; it has ${JSON.stringify(stages[r.oldVersionId] ?? [])}. Move AWSCURRENT with UpdateSecretVersionStage (MoveToVersionId and RemoveFromVersionId): AWSPREVIOUS follows by itself.`,
        );
      }
      const pending = versionWith(stages, 'AWSPENDING');
      if (pending && pending !== r.token) {
        t.fail(
          `AWSPENDING is left on version ${pending}, another version than AWSCURRENT: Secrets Manager would treat that as a rotation still in progress.`,
        );
      }
    },
  },
  {
    id: 'retry-after-failure',
    title: 'A failed step leaves AWSPENDING, and a retry finishes the rotation',
    run: async (t) => {
      await completedRotation(t);
      const before = await stagesOf(t.sm);
      const workingVersion = versionWith(before, 'AWSCURRENT') ?? '';
      const working = (await secretAt(t.sm, 'AWSCURRENT')) as DbSecret;
      // Take the database offline for the second rotation.
      const servers = t.emulator.databases.state.servers;
      const key = Object.keys(servers).find((k) => servers[k]?.host === working.host) ?? '';
      const server = servers[key];
      delete servers[key];
      const second = await t.sm.send(new RotateSecretCommand({ SecretId: SECRET_ID }));
      await t.emulator.idle();
      if (server) servers[key] = server;
      const token = second.VersionId ?? '';
      const after = await stagesOf(t.sm);
      if (versionWith(after, 'AWSCURRENT') !== workingVersion) {
        t.fail(
          `With the database offline, the rotation still finished: AWSCURRENT moved to version ${token}, a password the database never received. Don't catch errors in setSecret or testSecret: let them escape so Secrets Manager stops the rotation.`,
        );
      }
      const failed = failureOf(t, token);
      if (!failed)
        t.fail(
          'With the database offline the rotation neither finished nor failed. Every step must either complete its work or throw.',
        );
      if (!after[token]?.includes('AWSPENDING')) {
        t.fail(
          `After the failed ${String(failed?.params.Step)} step, version ${token} no longer has AWSPENDING. Leave it there: Secrets Manager retries the same rotation with the same token.`,
        );
      }
      const stillWorks = await canLogIn(t, working, working.password);
      if (stillWorks) t.fail(`After the failed rotation the AWSCURRENT password no longer logs in (${stillWorks}).`);
      // Secrets Manager retries the unfinished rotation (same token) when rotation is requested again.
      const mark = t.emulator.log.entries().at(-1)?.seq ?? 0;
      await t.sm.send(new RotateSecretCommand({ SecretId: SECRET_ID })).catch(() => undefined);
      await t.emulator.idle();
      const retryFailed = failureOf(t, token, mark);
      if (retryFailed) {
        t.fail(
          `The retried rotation of version ${token} stopped at ${String(retryFailed.params.Step)}: ${retryFailed.outcome}: ${(retryFailed.message ?? '').replace(/\.+$/, '')}. Each step must be idempotent: createSecret keeps the pending value it stored the first time.`,
        );
      }
      if (versionWith(await stagesOf(t.sm), 'AWSCURRENT') !== token)
        t.fail(`After the retry, AWSCURRENT is not on version ${token}.`);
      const fresh = (await secretAt(t.sm, 'AWSCURRENT')) as DbSecret;
      const problem = await canLogIn(t, fresh, fresh.password);
      if (problem) t.fail(`After the retry, the AWSCURRENT password does not log in (${problem}).`);
    },
  },
]);
