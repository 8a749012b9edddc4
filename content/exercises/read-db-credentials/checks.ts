import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const SECRET_ID = 'pettracker/dev/db-credentials';
const FIELDS = ['username', 'password', 'host', 'port', 'dbname'] as const;

/** The learner's getDbCredentials, or a failure that says how to export it. */
function getDbCredentials(t: CheckContext): () => Promise<unknown> {
  const fn = t.exports.getDbCredentials;
  if (typeof fn !== 'function') {
    const found = Object.keys(t.exports);
    t.fail(
      `Export the function: \`export async function getDbCredentials() { ... }\`. Your module exports ${found.length ? found.join(', ') : 'nothing'}.`,
    );
  }
  return fn as () => Promise<unknown>;
}

/** Calls the learner's function; a throw becomes a failure naming the error. */
async function callIt(t: CheckContext): Promise<unknown> {
  const fn = getDbCredentials(t);
  try {
    return await fn();
  } catch (e) {
    const err = e as Error;
    return t.fail(
      `getDbCredentials() threw ${err?.name ?? 'an error'}: ${err?.message ?? String(e)}. It should resolve to the credentials.`,
    );
  }
}

async function storedCredentials(t: CheckContext): Promise<Record<string, unknown>> {
  const out = await t.sm.send(new GetSecretValueCommand({ SecretId: SECRET_ID }));
  return JSON.parse(out.SecretString ?? '{}') as Record<string, unknown>;
}

export default defineChecks([
  {
    id: 'exports-function',
    title: 'Exports getDbCredentials()',
    run: (t) => {
      getDbCredentials(t);
    },
  },
  {
    id: 'reads-dev-secret',
    title: 'Reads pettracker/dev/db-credentials with GetSecretValue',
    run: async (t) => {
      const before = t.calls('secretsmanager', 'GetSecretValue').length;
      await callIt(t);
      const calls = t.calls('secretsmanager', 'GetSecretValue').slice(before);
      if (calls.length === 0) {
        t.fail(
          'getDbCredentials() made no GetSecretValue call. Send `new GetSecretValueCommand({ SecretId: SECRET_ID })` each time it runs (caching comes in a later exercise).',
        );
      }
      const other = calls.find((c) => c.params.SecretId !== SECRET_ID);
      if (other) {
        t.fail(
          `GetSecretValue read SecretId "${String(other.params.SecretId)}". This is the dev function: read "${SECRET_ID}".`,
        );
      }
      const failed = calls.find((c) => c.outcome !== 'ok');
      if (failed) t.fail(`GetSecretValue answered ${failed.outcome}: ${failed.message ?? ''}`);
    },
  },
  {
    id: 'parses-json',
    title: 'Returns the parsed credentials',
    run: async (t) => {
      const value = await callIt(t);
      if (typeof value === 'string') {
        t.fail(
          'getDbCredentials() returned a string: the raw SecretString. Return `JSON.parse(response.SecretString)` so callers get an object.',
        );
      }
      if (typeof value !== 'object' || value === null) {
        t.fail(
          `getDbCredentials() returned ${value === null ? 'null' : typeof value}. Return the object parsed from SecretString.`,
        );
      }
      const stored = await storedCredentials(t);
      const got = value as Record<string, unknown>;
      for (const field of FIELDS) {
        if (!(field in got))
          t.fail(`The credentials have no "${field}". Return every field of the secret's JSON: ${FIELDS.join(', ')}.`);
        if (got[field] !== stored[field]) {
          if (field === 'password')
            t.fail(
              `The password returned is not the one stored in ${SECRET_ID}. Return the values parsed from SecretString unchanged.`,
            );
          t.fail(
            `"${field}" is ${JSON.stringify(got[field])}, but the secret holds ${JSON.stringify(stored[field])}. Return the values parsed from SecretString unchanged.`,
          );
        }
      }
    },
  },
  {
    id: 'no-password-in-logs',
    title: 'Keeps the password out of the logs',
    run: async (t) => {
      const { password } = await storedCredentials(t);
      const index = t.output.findIndex((line) => typeof password === 'string' && line.text.includes(password));
      if (index >= 0) {
        t.fail(
          `Console line ${index + 1} contains the database password. Log the username or the secret's name instead: in Lambda, console output goes to CloudWatch Logs.`,
        );
      }
    },
  },
]);
