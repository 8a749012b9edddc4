import { type CheckContext, defineChecks } from '@lab/checks';

const ACCOUNT = '123456789012';
const ANALYTICS = '222233334444';
const REPORT_JOB = `arn:aws:iam::${ACCOUNT}:role/pettracker-report`;
const READER_ROLE = `arn:aws:iam::${ACCOUNT}:role/pettracker-warehouse-reader`;
/** Every session of the reader role: `arn:aws:sts::<account>:assumed-role/<role>/<session name>`. */
const READER_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-warehouse-reader/`;
const SECRET_NAME = 'analytics/prod/warehouse';
/** The value fixture.yaml stores in the analytics account. */
const LOGIN = {
  host: 'warehouse.analytics.example.internal',
  port: 5439,
  username: 'pettracker_reports',
  password: 'wh-Rk38vQp2Lx7Tn5Ze',
};

interface Outcome {
  result?: unknown;
  error?: Error;
}

// One call of the learner's function per run, shared by the tasks (keyed by the run's emulator).
const outcomes = new WeakMap<object, Promise<Outcome>>();

function outcome(t: CheckContext): Promise<Outcome> {
  let run = outcomes.get(t.emulator);
  if (!run) {
    const read = t.exports.readWarehouseLogin;
    if (typeof read !== 'function')
      t.fail('Export the function: `export async function readWarehouseLogin() { ... }`.');
    run = (read as () => Promise<unknown>)().then(
      (result) => ({ result }),
      (error: Error) => ({ error }),
    );
    outcomes.set(t.emulator, run);
  }
  return run;
}

const who = (caller: string | undefined) =>
  caller === undefined
    ? 'the account administrator'
    : caller.startsWith(`arn:aws:sts::${ACCOUNT}:assumed-role/pettracker-report/`)
      ? `${caller} (the report job's own credentials)`
      : caller;

/** Temporary credentials without their session token are refused before any operation runs. */
const refusedToken = (error: Error | undefined) =>
  error !== undefined && ['UnrecognizedClientException', 'InvalidClientTokenId'].includes(error.name);

export default defineChecks([
  {
    id: 'assumes-role',
    title: 'Assumes pettracker-warehouse-reader with STS AssumeRole',
    run: async (t) => {
      await outcome(t);
      const calls = t.calls('sts', 'AssumeRole');
      if (calls.length === 0)
        t.fail(
          'No AssumeRole call reached STS. The analytics account trusts one role, pettracker-warehouse-reader: send new AssumeRoleCommand({ RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN, RoleSessionName: "nightly-report" }) with the STSClient first.',
        );
      if (calls.some((c) => c.outcome === 'ok' && c.params.RoleArn === READER_ROLE)) return;
      const last = calls.at(-1);
      t.fail(
        `AssumeRole for ${JSON.stringify(last?.params.RoleArn)} answered ${last?.outcome}${last?.message ? `: ${last.message}` : ''}. Assume ${READER_ROLE} (process.env.WAREHOUSE_READER_ROLE_ARN), with a RoleSessionName such as "nightly-report".`,
      );
    },
  },
  {
    id: 'reads-as-role',
    title: 'Reads the secret as the assumed role, not as the report job',
    run: async (t) => {
      const { error } = await outcome(t);
      const reads = t.calls('secretsmanager', 'GetSecretValue');
      if (refusedToken(error) && !reads.some((r) => r.caller?.startsWith(READER_SESSION)))
        t.fail(
          `Secrets Manager refused the temporary credentials (${error?.name}: ${error?.message}). Temporary credentials have three parts: pass sessionToken: Credentials.SessionToken along with accessKeyId and secretAccessKey.`,
        );
      if (reads.length === 0)
        t.fail(
          `No GetSecretValue call reached Secrets Manager${error ? ` (readWarehouseLogin() threw ${error.name}: ${error.message})` : ''}.`,
        );
      if (reads.some((r) => r.caller?.startsWith(READER_SESSION))) return;
      t.fail(
        `GetSecretValue was called as ${who(reads[0]?.caller)}, whom neither the secret's resource policy nor the key policy names. Make a new SecretsManagerClient({ credentials: { accessKeyId, secretAccessKey, sessionToken } }) from the Credentials AssumeRole returned, and read with it.`,
      );
    },
  },
  {
    id: 'full-arn',
    title: "Names the other account's secret by its full ARN",
    run: async (t) => {
      await outcome(t);
      const reads = t.calls('secretsmanager', 'GetSecretValue');
      const byName = reads.find((r) => !String(r.params.SecretId).startsWith('arn:'));
      if (byName)
        t.fail(
          `GetSecretValue asked for ${JSON.stringify(byName.params.SecretId)} and got ${byName.outcome}: a name is looked up in the caller's own account (${ACCOUNT}), and this secret is in the analytics account (${ANALYTICS}). Name it by its full ARN, process.env.WAREHOUSE_SECRET_ARN.`,
        );
      if (reads.length === 0)
        t.fail(
          'No GetSecretValue call reached Secrets Manager yet (see the task about reading as the assumed role). Name the secret by its full ARN, process.env.WAREHOUSE_SECRET_ARN.',
        );
      const arn = reads.find((r) => String(r.params.SecretId).includes(`:${ANALYTICS}:secret:${SECRET_NAME}`));
      if (!arn)
        t.fail(
          `GetSecretValue asked for ${JSON.stringify(reads[0]?.params.SecretId)}. Use the ARN the analytics team gave: process.env.WAREHOUSE_SECRET_ARN.`,
        );
    },
  },
  {
    id: 'returns-login',
    title: 'readWarehouseLogin() returns the warehouse login',
    run: async (t) => {
      const { result, error } = await outcome(t);
      if (error) t.fail(`readWarehouseLogin() threw ${error.name}: ${error.message.replace(/\.+$/, '')}.`);
      const got = result as Partial<typeof LOGIN> | undefined;
      const wrong = (Object.keys(LOGIN) as (keyof typeof LOGIN)[]).filter((k) => got?.[k] !== LOGIN[k]);
      if (wrong.length)
        t.fail(
          `readWarehouseLogin() returned ${wrong.map((k) => `${k} ${JSON.stringify(got?.[k])}`).join(', ')}. Return the secret's JSON parsed: { host, port, username, password }.`,
        );
      if (!t.calls('secretsmanager', 'GetSecretValue').some((r) => r.outcome === 'ok' && r.caller?.startsWith(READER_SESSION)))
        t.fail('The login must come from GetSecretValue, read as the assumed role.');
    },
  },
]);
