import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { type CheckContext, defineChecks } from '@lab/checks';

type GetConfig = (name: string, environment?: string) => Promise<unknown>;

function getConfigOf(t: CheckContext): GetConfig {
  const fn = t.exports.getConfig;
  if (typeof fn !== 'function')
    t.fail('Export the function: `export function getConfig(name: string, environment = ...) { ... }`.');
  return fn as GetConfig;
}

/** Calls getConfig; a rejection becomes a failure that names the error. */
async function getConfig(t: CheckContext, ...args: [string, string?]): Promise<unknown> {
  const call = `getConfig(${args.map((a) => `'${a}'`).join(', ')})`;
  try {
    return await getConfigOf(t)(...args);
  } catch (e) {
    const err = e as Error;
    const asked = [...new Set(t.calls('ssm', 'GetParameter').map((c) => String(c.params.Name)))];
    return t.fail(
      `${call} threw ${err?.name}: ${String(err?.message).replace(/\.+$/, '')}. GetParameter was asked for: ${asked.join(', ') || 'nothing'}. The name must be /pettracker/<environment>/<name>.`,
    );
  }
}

async function stored(t: CheckContext, name: string): Promise<string | undefined> {
  const { Parameter } = await t.ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  return Parameter?.Value;
}

const callsFor = (t: CheckContext, name: string) =>
  t.calls('ssm', 'GetParameter').filter((c) => c.params.Name === name);

export default defineChecks([
  {
    id: 'reads-by-environment',
    title: "getConfig('api-url') reads /pettracker/dev/api-url",
    run: async (t) => {
      const value = await getConfig(t, 'api-url');
      const expected = await stored(t, '/pettracker/dev/api-url');
      if (callsFor(t, '/pettracker/dev/api-url').length === 0) {
        const asked = t.calls('ssm', 'GetParameter').map((c) => String(c.params.Name));
        t.fail(
          `No GetParameter call asked for /pettracker/dev/api-url (asked: ${asked.join(', ') || 'nothing'}). Build the name from the environment: \`/pettracker/\${environment}/\${name}\`, with environment from process.env.ENVIRONMENT.`,
        );
      }
      if (value !== expected)
        t.fail(
          `getConfig('api-url') resolved to ${JSON.stringify(value)}; /pettracker/dev/api-url holds ${JSON.stringify(expected)}. Return Parameter.Value.`,
        );
    },
  },
  {
    id: 'decrypts-securestring',
    title: 'Returns SecureString values decrypted',
    run: async (t) => {
      const name = '/pettracker/dev/db-password';
      const value = await getConfig(t, 'db-password');
      if (value === (await stored(t, name))) return;
      const decrypted = callsFor(t, name).some((c) => c.params.WithDecryption === true);
      t.fail(
        decrypted
          ? `getConfig('db-password') resolved to ${typeof value === 'string' ? 'a value' : typeof value} that is not the parameter's plaintext. Return Parameter.Value from the decrypted response.`
          : `getConfig('db-password') returned the encrypted value: ${name} is a SecureString. Pass WithDecryption: true in the GetParameterCommand.`,
      );
    },
  },
  {
    id: 'fetches-once',
    title: 'Calls GetParameter once per parameter',
    run: async (t) => {
      for (let i = 0; i < 5; i++) {
        await getConfig(t, 'api-url');
        await getConfig(t, 'log-level');
      }
      for (const name of ['/pettracker/dev/api-url', '/pettracker/dev/log-level', '/pettracker/dev/db-password']) {
        const n = callsFor(t, name).length;
        if (n > 1) {
          t.fail(
            `GetParameter was called ${n} times for ${name} in one execution environment. Keep a Map of full name → promise at module scope and return the cached promise on later calls.`,
          );
        }
      }
    },
  },
  {
    id: 'concurrent-calls',
    title: 'Concurrent calls share one request',
    run: async (t) => {
      const name = '/pettracker/prod/log-level';
      const before = callsFor(t, name).length;
      await Promise.all(Array.from({ length: 10 }, () => getConfig(t, 'log-level', 'prod')));
      const made = callsFor(t, name).length - before;
      if (made > 1) {
        t.fail(
          `10 concurrent calls of getConfig('log-level', 'prod') made ${made} GetParameter calls. Cache the promise, set before the first await, so callers arriving together share one request.`,
        );
      }
    },
  },
  {
    id: 'environments-apart',
    title: 'Keeps each environment’s values apart',
    run: async (t) => {
      await getConfig(t, 'api-url');
      const value = await getConfig(t, 'api-url', 'prod');
      const prod = await stored(t, '/pettracker/prod/api-url');
      if (value === prod) return;
      const dev = await stored(t, '/pettracker/dev/api-url');
      t.fail(
        value === dev
          ? `getConfig('api-url', 'prod') returned the dev value ${JSON.stringify(dev)}. Key the cache by the full name (/pettracker/<environment>/<name>), not by the short name.`
          : `getConfig('api-url', 'prod') resolved to ${JSON.stringify(value)}; /pettracker/prod/api-url holds ${JSON.stringify(prod)}.`,
      );
    },
  },
]);
