import { DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const PREFIX = 'pettracker/prod/api/';
const PAYMENTS = 'pettracker/prod/api/payments-key';
const PAYMENTS_KEY = 'alias/pettracker-payments';
const FILTER = "Filters: [{ Key: 'name', Values: ['pettracker/prod/api/'] }]";

/** One call of loadSecrets(): what it resolved to (or threw) and the requests it made. */
interface Load {
  map?: Map<string, unknown>;
  error?: Error;
  batches: number;
  gets: number;
  lists: number;
}

/** What the checks saw: a load with every key enabled, then one with payments-key's key disabled. */
interface Scenario {
  normal: Load;
  oneFailing: Load;
}

const count = (t: CheckContext, operation: string) => t.calls('secretsmanager', operation).length;

async function load(t: CheckContext): Promise<Load> {
  const fn = t.exports.loadSecrets;
  if (typeof fn !== 'function')
    t.fail('Export the function: `export async function loadSecrets(): Promise<Map<string, string>> { ... }`.');
  const before = {
    batches: count(t, 'BatchGetSecretValue'),
    gets: count(t, 'GetSecretValue'),
    lists: count(t, 'ListSecrets'),
  };
  const out: Load = { batches: 0, gets: 0, lists: 0 };
  try {
    const result = await (fn as () => Promise<unknown>)();
    if (result instanceof Map) out.map = result as Map<string, unknown>;
    else if (typeof result === 'object' && result !== null && !Array.isArray(result))
      out.map = new Map(Object.entries(result));
    else
      out.error = new TypeError(
        `loadSecrets() resolved to ${Array.isArray(result) ? 'an array' : result === null ? 'null' : typeof result}, not a Map of secret name → SecretString`,
      );
  } catch (e) {
    out.error = e as Error;
  }
  out.batches = count(t, 'BatchGetSecretValue') - before.batches;
  out.gets = count(t, 'GetSecretValue') - before.gets;
  out.lists = count(t, 'ListSecrets') - before.lists;
  return out;
}

// One scenario per run, shared by the tasks (keyed by the run's emulator).
const scenarios = new WeakMap<object, Promise<Scenario>>();

function scenario(t: CheckContext): Promise<Scenario> {
  let run = scenarios.get(t.emulator);
  if (!run) {
    run = (async () => {
      const normal = await load(t);
      // DisableKey and EnableKey take the key's id or ARN, not an alias.
      const { KeyMetadata } = await t.kms.send(new DescribeKeyCommand({ KeyId: PAYMENTS_KEY }));
      const KeyId = KeyMetadata?.KeyId;
      await t.kms.send(new DisableKeyCommand({ KeyId }));
      const oneFailing = await load(t).finally(() => t.kms.send(new EnableKeyCommand({ KeyId })));
      return { normal, oneFailing };
    })();
    scenarios.set(t.emulator, run);
  }
  return run;
}

/** The names of the secrets under the prefix, as the checks' own (uncounted) client lists them. */
async function expectedNames(t: CheckContext): Promise<string[]> {
  const { SecretList = [] } = await t.sm.send(
    new ListSecretsCommand({ Filters: [{ Key: 'name', Values: [PREFIX] }], MaxResults: 100 }),
  );
  return SecretList.map((s) => s.Name ?? '');
}

/** The map of a load that worked, or a failure that says why there is none. */
function mapOf(t: CheckContext, l: Load): Map<string, unknown> {
  if (l.error)
    t.fail(
      `With every key enabled, loadSecrets() threw ${l.error.name}: ${l.error.message.replace(/\.+$/, '')}. It should resolve to a Map of secret name → SecretString.`,
    );
  return l.map ?? new Map();
}

/** The apiKey inside a secret's JSON, or the whole text if it is not such JSON. */
function apiKeyOf(value: string): string {
  try {
    const parsed = JSON.parse(value) as { apiKey?: unknown };
    return typeof parsed.apiKey === 'string' ? parsed.apiKey : value;
  } catch {
    return value;
  }
}

export default defineChecks([
  {
    id: 'all-secrets',
    title: 'Every secret under pettracker/prod/api/ arrives',
    run: async (t) => {
      const { normal } = await scenario(t);
      const got = mapOf(t, normal);
      const expected = await expectedNames(t);
      const missing = expected.filter((name) => !got.has(name));
      if (missing.length === 0) {
        const wrong = expected.find((name) => !String(got.get(name) ?? '').startsWith('{'));
        if (wrong)
          t.fail(`The value of ${wrong} is ${JSON.stringify(got.get(wrong))}. Store each entry's SecretString, the JSON text.`);
        return;
      }
      if (got.size === 20 && normal.batches === 1)
        t.fail(
          `${got.size} of the ${expected.length} secrets arrived, and one BatchGetSecretValue request was made: a response holds at most 20. While it carries a NextToken, send the request again with that token.`,
        );
      t.fail(
        `${missing.length} of the ${expected.length} secrets under ${PREFIX} are missing, e.g. ${missing[0]}. Use the name filter, ${FILTER}, and follow NextToken to the last page; key the map by each entry's Name.`,
      );
    },
  },
  {
    id: 'batched',
    title: 'BatchGetSecretValue with a name filter, not one request per secret',
    run: async (t) => {
      const { normal } = await scenario(t);
      mapOf(t, normal);
      if (normal.gets > 0)
        t.fail(
          `loadSecrets() made ${normal.gets} GetSecretValue request${normal.gets > 1 ? 's' : ''}. One BatchGetSecretValue reads up to 20 secrets: ${FILTER}.`,
        );
      if (normal.lists > 0)
        t.fail(
          `loadSecrets() called ListSecrets ${normal.lists} time${normal.lists > 1 ? 's' : ''}. BatchGetSecretValue's Filters do the listing: ${FILTER}, without a SecretIdList.`,
        );
      if (normal.batches === 0) t.fail(`loadSecrets() made no BatchGetSecretValue request. Use ${FILTER}.`);
      const filtered = t
        .calls('secretsmanager', 'BatchGetSecretValue')
        .some((c) => Array.isArray(c.params.Filters) && c.params.SecretIdList === undefined);
      if (!filtered)
        t.fail(
          `The requests name the secrets in a SecretIdList: a list to keep up to date, and at most 20. Let the prefix choose them: ${FILTER}.`,
        );
      if (normal.batches > 2)
        t.fail(`21 secrets took ${normal.batches} BatchGetSecretValue requests. Two pages of up to 20 are enough: leave MaxResults out (or set it to 20).`);
    },
  },
  {
    id: 'prefix-only',
    title: 'Nothing from outside pettracker/prod/api/',
    run: async (t) => {
      const { normal } = await scenario(t);
      const got = mapOf(t, normal);
      const outside = [...got.keys()].find((name) => !name.startsWith(PREFIX));
      if (outside)
        t.fail(
          outside.startsWith('pettracker/prod/api')
            ? `${outside} is in the map: the name filter matches a prefix, so 'pettracker/prod/api' also matches pettracker/prod/api-legacy/. End the value with a slash: 'pettracker/prod/api/'.`
            : `${outside} is in the map, but it is not under ${PREFIX}. Filter by name: ${FILTER}.`,
        );
    },
  },
  {
    id: 'errors-stop-startup',
    title: 'A secret that cannot be read stops the start-up, by name',
    run: async (t) => {
      const { normal, oneFailing } = await scenario(t);
      mapOf(t, normal);
      if (!oneFailing.error) {
        const has = oneFailing.map?.has(PAYMENTS);
        t.fail(
          `The checks disabled ${PAYMENTS_KEY}, the KMS key of ${PAYMENTS}, and loadSecrets() still resolved${has ? '' : `, without ${PAYMENTS}`}. BatchGetSecretValue does not throw when one secret can't be read: it lists it in the response's Errors ({ SecretId, ErrorCode: 'DecryptionFailure', Message }). If Errors has entries, throw an Error that names each SecretId.`,
        );
      }
      const error = oneFailing.error as Error;
      if (!error.message.includes('payments-key'))
        t.fail(
          `loadSecrets() threw ${error.name}: "${error.message}", which does not say which secret failed. Name each failed SecretId (and its ErrorCode) in the message, so whoever reads the log knows what to fix.`,
        );
    },
  },
  {
    id: 'values-not-logged',
    title: 'No secret value in the console output',
    run: async (t) => {
      const { normal } = await scenario(t);
      const values = [...mapOf(t, normal).values()]
        .filter((v): v is string => typeof v === 'string')
        .map((v) => apiKeyOf(v));
      const index = t.output.findIndex((line) => values.some((v) => line.text.includes(v)));
      if (index >= 0)
        t.fail(`Console line ${index + 1} contains a secret's value. Log the names, or the count, never the values.`);
    },
  },
]);
