import { GetParametersByPathCommand, type Parameter } from '@aws-sdk/client-ssm';
import { type CheckContext, defineChecks } from '@lab/checks';

const PATH = '/pettracker/dev/';

/** What Parameter Store holds under the dev path, read by the checks' own client (not counted). */
async function expected(t: CheckContext): Promise<Parameter[]> {
  const all: Parameter[] = [];
  let NextToken: string | undefined;
  do {
    const page = await t.ssm.send(
      new GetParametersByPathCommand({ Path: PATH, Recursive: true, WithDecryption: true, NextToken }),
    );
    all.push(...(page.Parameters ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}

/** Calls loadEnvironment() and turns its Map (or plain object) into a Map; anything else fails. */
async function load(t: CheckContext): Promise<Map<string, unknown>> {
  return (await loadCounting(t)).map;
}

/** loadEnvironment()'s map and the GetParametersByPath calls it made. */
async function loadCounting(t: CheckContext): Promise<{ map: Map<string, unknown>; calls: number }> {
  const before = byPathCalls(t).length;
  const map = await loadOnce(t);
  return { map, calls: byPathCalls(t).length - before };
}

async function loadOnce(t: CheckContext): Promise<Map<string, unknown>> {
  const fn = t.exports.loadEnvironment;
  if (typeof fn !== 'function')
    t.fail('Export the function: `export async function loadEnvironment(environment = ...) { ... }`.');
  let result: unknown;
  try {
    result = await (fn as () => Promise<unknown>)();
  } catch (e) {
    t.fail(
      `loadEnvironment() threw ${(e as Error)?.name}: ${(e as Error)?.message}. It should resolve to a Map of parameter name → value.`,
    );
  }
  if (result instanceof Map) return result as Map<string, unknown>;
  if (Array.isArray(result)) {
    t.fail(
      `loadEnvironment() returned an array of ${result.length} items. Return a Map from each parameter's full Name to its Value: values.set(p.Name, p.Value).`,
    );
  }
  if (typeof result !== 'object' || result === null)
    t.fail(
      `loadEnvironment() resolved to ${result === null ? 'null' : typeof result}. Return a Map of parameter name → value.`,
    );
  return new Map(Object.entries(result as object));
}

const byPathCalls = (t: CheckContext) => t.calls('ssm', 'GetParametersByPath');
const isNested = (name: string) => name.slice(PATH.length).includes('/');

export default defineChecks([
  {
    id: 'returns-map',
    title: 'Resolves to a map of name → value',
    run: async (t) => {
      const got = await load(t);
      if (got.size === 0)
        t.fail(
          'loadEnvironment() resolved to an empty map. Add each Parameter of each response: values.set(p.Name, p.Value).',
        );
      for (const [name, value] of got) {
        if (!name.startsWith('/'))
          t.fail(
            `The key "${name}" is not a full parameter name. Use p.Name as it comes (e.g. /pettracker/dev/api-url).`,
          );
        if (typeof value !== 'string')
          t.fail(
            `The value of ${name} is ${typeof value === 'object' ? 'an object' : typeof value}. Store p.Value, the string.`,
          );
      }
    },
  },
  {
    id: 'follows-next-token',
    title: 'Follows NextToken to the last page',
    run: async (t) => {
      const { map: got, calls } = await loadCounting(t);
      const want = await expected(t);
      // A direct child is missing only when a page was left unread (recursion is the next task).
      const missing = want.map((p) => p.Name ?? '').filter((n) => !got.has(n) && !isNested(n));
      if (missing.length) {
        const arrived = want.filter((p) => got.has(p.Name ?? '')).length;
        t.fail(
          `${arrived} of ${want.length} parameters arrived from ${calls} GetParametersByPath call${calls === 1 ? '' : 's'}; missing: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ' and more' : ''}. A response holds at most 10 parameters and carries a NextToken when there are more: send the request again with that NextToken until a response has none.`,
        );
      }
    },
  },
  {
    id: 'recursive',
    title: 'Includes the nested /pettracker/dev/db/ parameters',
    run: async (t) => {
      const got = await load(t);
      const nested = (await expected(t)).map((p) => p.Name ?? '').filter(isNested);
      const missing = nested.filter((n) => !got.has(n));
      if (!missing.length) return;
      const recursive = byPathCalls(t).some((c) => c.params.Recursive === true);
      t.fail(
        recursive
          ? `Missing ${missing.join(', ')}. They come back on a later page: keep following NextToken.`
          : `Missing ${missing.join(', ')}: without Recursive: true, GetParametersByPath returns only the direct children of the path. Add Recursive: true.`,
      );
    },
  },
  {
    id: 'decrypts',
    title: 'SecureString values are decrypted',
    run: async (t) => {
      const got = await load(t);
      for (const p of await expected(t)) {
        if (p.Type !== 'SecureString' || !got.has(p.Name ?? '')) continue;
        if (got.get(p.Name ?? '') !== p.Value) {
          t.fail(
            `${p.Name} is a SecureString and came back encrypted. Pass WithDecryption: true in every GetParametersByPath request.`,
          );
        }
      }
      const plain = (await expected(t)).find(
        (p) => p.Type !== 'SecureString' && got.has(p.Name ?? '') && got.get(p.Name ?? '') !== p.Value,
      );
      if (plain)
        t.fail(
          `${plain.Name} maps to ${JSON.stringify(got.get(plain.Name ?? ''))}, but its value is ${JSON.stringify(plain.Value)}.`,
        );
    },
  },
  {
    id: 'own-branch-only',
    title: 'Nothing from other environments',
    run: async (t) => {
      const got = await load(t);
      const foreign = [...got.keys()].filter((n) => !n.startsWith(PATH));
      if (foreign.length) {
        t.fail(
          `The map includes ${foreign.slice(0, 3).join(', ')}, which is not under ${PATH}. Ask for Path '${PATH}' (with the trailing slash: /pettracker/dev also prefixes /pettracker/development) and keep what it returns.`,
        );
      }
      const wide = byPathCalls(t).find((c) => !String(c.params.Path).startsWith('/pettracker/dev'));
      if (wide)
        t.fail(
          `GetParametersByPath was asked for Path "${String(wide.params.Path)}", which reads other environments too. The dev role may read only /pettracker/dev/.`,
        );
    },
  },
]);
