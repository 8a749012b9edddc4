import { DescribeSecretCommand, GetSecretValueCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const SECRET_ID = 'pettracker/prod/db-credentials';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:pettracker-prod-rotation';
const APP_USER = 'pettracker_app';
const CLONE_USER = 'pettracker_app_clone';

interface DbSecret {
  host: string;
  port: number;
  username: string;
  password: string;
  dbname: string;
}

/** One rotation as the checks saw it when it ended. */
interface Rotation {
  token: string;
  /** The step that threw, with the error, when the rotation stopped. */
  failed?: { step: string; error: string };
  stages: Record<string, string[]>;
  current?: DbSecret;
}

/** Two rotations: one started with RotateSecret, the next by the schedule, 31 days later on the simulated clock. */
interface Scenario {
  originalVersion: string;
  original: DbSecret;
  first: Rotation;
  /** Logins tried right after the first rotation: undefined when it worked, else the error. */
  afterFirst: { original?: string; current?: string };
  second?: Rotation;
  afterSecond?: { original?: string; current?: string; firstCurrent?: string };
}

type Handler = (event: unknown, context: unknown) => unknown;

async function stagesOf(t: CheckContext): Promise<Record<string, string[]>> {
  const out = await t.sm.send(new DescribeSecretCommand({ SecretId: SECRET_ID }));
  return (out.VersionIdsToStages ?? {}) as Record<string, string[]>;
}

async function secretAt(t: CheckContext, stage: string, versionId?: string): Promise<DbSecret | undefined> {
  try {
    const out = await t.sm.send(
      new GetSecretValueCommand({ SecretId: SECRET_ID, VersionStage: stage, VersionId: versionId }),
    );
    return JSON.parse(out.SecretString ?? '{}') as DbSecret;
  } catch {
    return undefined;
  }
}

const versionWith = (stages: Record<string, string[]>, label: string) =>
  Object.keys(stages).find((id) => stages[id]?.includes(label));

/** Logs in as the checks (not logged as the learner's); undefined when it worked, else the error. */
async function login(t: CheckContext, secret: DbSecret | undefined): Promise<string | undefined> {
  if (!secret) return 'no such version';
  try {
    const db = await t.db.connect({
      host: secret.host,
      port: secret.port,
      user: secret.username,
      password: secret.password,
      database: secret.dbname,
    });
    await db.close();
    return undefined;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

async function inspect(t: CheckContext, token: string, after: number): Promise<Rotation> {
  const failure = t.emulator.log
    .entries()
    .find((e) => e.seq > after && e.operation === 'RotationFailed' && e.params.ClientRequestToken === token);
  const stages = await stagesOf(t);
  return {
    token,
    stages,
    current: await secretAt(t, 'AWSCURRENT'),
    ...(failure
      ? { failed: { step: String(failure.params.Step), error: `${failure.outcome}: ${(failure.message ?? '').replace(/\.+$/, '')}` } }
      : {}),
  };
}

// One scenario per run, shared by the tasks that inspect it (keyed by the run's emulator).
const scenarios = new WeakMap<object, Promise<Scenario>>();

function scenario(t: CheckContext): Promise<Scenario> {
  let run = scenarios.get(t.emulator);
  if (!run) {
    const handler = t.exports.handler;
    if (typeof handler !== 'function')
      t.fail('Export the rotation function: `export const handler = async (event) => { ... }`.');
    run = (async () => {
      t.emulator.lambdas.register(FUNCTION_ARN, (event, context) => (handler as Handler)(event, context));
      const originalVersion = versionWith(await stagesOf(t), 'AWSCURRENT') ?? '';
      const original = (await secretAt(t, 'AWSCURRENT')) as DbSecret;
      const mark = t.emulator.log.entries().at(-1)?.seq ?? 0;
      const out = await t.sm.send(
        new RotateSecretCommand({
          SecretId: SECRET_ID,
          RotationLambdaARN: FUNCTION_ARN,
          RotationRules: { AutomaticallyAfterDays: 30 },
        }),
      );
      await t.emulator.idle();
      const first = await inspect(t, out.VersionId ?? '', mark);
      const result: Scenario = {
        originalVersion,
        original,
        first,
        afterFirst: { original: await login(t, original), current: await login(t, first.current) },
      };
      if (first.failed || versionWith(first.stages, 'AWSCURRENT') !== first.token) return result;
      // The schedule starts the next rotation within 30 days; nothing else runs meanwhile.
      const before = new Set(Object.keys(first.stages));
      const secondMark = t.emulator.log.entries().at(-1)?.seq ?? 0;
      await t.advance('31 days');
      const token = Object.keys(await stagesOf(t)).find((id) => !before.has(id));
      if (token === undefined) return result;
      result.second = await inspect(t, token, secondMark);
      result.afterSecond = {
        original: await login(t, original),
        current: await login(t, result.second.current),
        firstCurrent: await login(t, first.current),
      };
      return result;
    })();
    scenarios.set(t.emulator, run);
  }
  return run;
}

/** What to change when a step stopped the rotation. */
function stepAdvice(failed: { step: string; error: string }): string {
  if (/permission denied/i.test(failed.error))
    return ' Only a superuser may create users or change another user’s password: in setSecret, log in with the superuser secret (GetSecretValue of current.masterarn, AWSCURRENT) for those statements.';
  if (/already exists/i.test(failed.error))
    return ' That user exists from an earlier rotation: create it only when `SELECT 1 FROM pg_roles WHERE rolname = $1` finds no row, and otherwise run ALTER USER <pending user> WITH PASSWORD $1.';
  if (failed.step === 'testSecret')
    return ' The pending credentials could not log in: setSecret must create the other user (or set its password) before testSecret tries them.';
  return '';
}

async function completedFirst(t: CheckContext): Promise<Scenario> {
  const s = await scenario(t);
  if (s.first.failed)
    t.fail(`The first rotation stopped at ${s.first.failed.step}: ${s.first.failed.error}.${stepAdvice(s.first.failed)}`);
  if (versionWith(s.first.stages, 'AWSCURRENT') !== s.first.token)
    t.fail(
      `After the first rotation AWSCURRENT is not on the new version ${s.first.token}: finishSecret must move it with UpdateSecretVersionStage (MoveToVersionId and RemoveFromVersionId).`,
    );
  return s;
}

async function completedSecond(t: CheckContext): Promise<Scenario & { second: Rotation }> {
  const s = await completedFirst(t);
  if (!s.second)
    t.fail('No rotation ran in the 31 days after the first, although the schedule says every 30 days.');
  const second = s.second as Rotation;
  if (s.first.current?.username !== CLONE_USER)
    t.fail(
      `The first rotation left AWSCURRENT on ${s.first.current?.username}, not ${CLONE_USER} (see the first task), so there is no alternation to check yet.`,
    );
  if (second.failed)
    t.fail(
      `The second rotation (started by the schedule, 30 days later) stopped at ${second.failed.step}: ${second.failed.error}.${stepAdvice(second.failed)}`,
    );
  if (versionWith(second.stages, 'AWSCURRENT') !== second.token)
    t.fail(`After the second rotation AWSCURRENT is not on its new version ${second.token}.`);
  return s as Scenario & { second: Rotation };
}

export default defineChecks([
  {
    id: 'first-rotation',
    title: `The first rotation makes ${CLONE_USER} current`,
    run: async (t) => {
      const s = await completedFirst(t);
      const current = s.first.current;
      if (current?.username === APP_USER)
        t.fail(
          `After the first rotation AWSCURRENT still names ${APP_USER}. With alternating users, createSecret stores the other user, ${CLONE_USER}, with the new password, and the app's current user is left alone.`,
        );
      if (current?.username !== CLONE_USER)
        t.fail(
          `After the first rotation AWSCURRENT names ${current?.username}. The other user of ${APP_USER} is ${CLONE_USER}: add "_clone", or take it off, as AWS's templates do.`,
        );
      if (s.afterFirst.current)
        t.fail(`Logging in with the new AWSCURRENT credentials failed (${s.afterFirst.current}).`);
      const server = Object.values(t.emulator.databases.state.servers).find((x) => x.host === current?.host);
      const clone = server?.users[CLONE_USER];
      if (!clone?.memberOf?.includes(APP_USER))
        t.fail(
          `${CLONE_USER} can log in, but it has none of ${APP_USER}'s privileges. After creating it, run GRANT ${APP_USER} TO ${CLONE_USER} as the superuser, so the clone can do all the app does.`,
        );
    },
  },
  {
    id: 'app-keeps-working',
    title: "The app's old credentials keep working until the next rotation",
    run: async (t) => {
      const s = await completedFirst(t);
      if (s.afterFirst.original)
        t.fail(
          `After the first rotation, ${APP_USER}'s password from before it no longer works (${s.afterFirst.original}). Instances that still hold it in their cache would fail to connect. With alternating users, setSecret changes only the other user: never the current one.`,
        );
      if (!s.first.stages[s.originalVersion]?.includes('AWSPREVIOUS'))
        t.fail(
          `The version that was AWSCURRENT before the rotation should now be AWSPREVIOUS; it has ${JSON.stringify(s.first.stages[s.originalVersion] ?? [])}.`,
        );
    },
  },
  {
    id: 'second-rotation',
    title: `The next scheduled rotation switches back to ${APP_USER}, with a new password`,
    run: async (t) => {
      const s = await completedSecond(t);
      const current = s.second.current;
      if (current?.username !== APP_USER)
        t.fail(
          `After the second rotation AWSCURRENT names ${current?.username}. It should be ${APP_USER} again: the other user of ${CLONE_USER} is ${APP_USER} (take "_clone" off rather than adding it again).`,
        );
      if (current?.password === s.original.password)
        t.fail(`${APP_USER} got its old password back: createSecret must store a new one from GetRandomPassword.`);
      if (s.afterSecond?.current)
        t.fail(`Logging in with the new AWSCURRENT credentials failed (${s.afterSecond.current}).`);
      if (s.afterSecond?.original === undefined)
        t.fail(
          `${APP_USER}'s password from before the first rotation still works after the second. setSecret must give ${APP_USER} the new password: ALTER USER ${APP_USER} WITH PASSWORD $1, as the superuser.`,
        );
    },
  },
  {
    id: 'previous-is-last-good',
    title: 'AWSPREVIOUS holds the last good version, and it still works',
    run: async (t) => {
      const s = await completedSecond(t);
      const { stages } = s.second;
      if (!stages[s.first.token]?.includes('AWSPREVIOUS'))
        t.fail(
          `After the second rotation, the first rotation's version (${s.first.token}) should be AWSPREVIOUS; it has ${JSON.stringify(stages[s.first.token] ?? [])}. Move AWSCURRENT with UpdateSecretVersionStage: AWSPREVIOUS follows by itself.`,
        );
      const pending = versionWith(stages, 'AWSPENDING');
      if (pending && pending !== s.second.token)
        t.fail(
          `AWSPENDING is left on version ${pending}: Secrets Manager would treat that as a rotation still in progress.`,
        );
      if (s.afterSecond?.firstCurrent)
        t.fail(
          `The AWSPREVIOUS credentials (${s.first.current?.username}) stopped working at the second rotation (${s.afterSecond.firstCurrent}). It must change only ${APP_USER}'s password, so instances still on the previous credentials keep working.`,
        );
    },
  },
]);
