import { dict } from '../core/dict';

/**
 * The AWS query protocol's request: an `application/x-www-form-urlencoded` body (parsed with the
 * platform's URLSearchParams) whose flattened keys carry the structure:
 * - `UserName=alice`: a member;
 * - `Tags.member.1.Key=env&Tags.member.1.Value=dev`: a list of structures (1-based indexes);
 * - `PolicyArns.member.1=arn:…`: a list of strings; `Names=` (no index): an empty list;
 * - `Context.entry.1.key=a&Context.entry.1.value=b`: a map.
 * `Action` and `Version` name the operation. The result is plain data with null-prototype objects,
 * so a member named `__proto__` is a member.
 */
export interface QueryRequest {
  action: string | undefined;
  version: string | undefined;
  input: Record<string, unknown>;
}

/** Any single form field may be at most this long, and a form may have at most this many fields. */
const MAX_FIELDS = 1000;

export class QueryFormError extends Error {}

export function parseQueryForm(body: string): QueryRequest {
  const params = new URLSearchParams(body);
  const input = dict<unknown>();
  let action: string | undefined;
  let version: string | undefined;
  let count = 0;
  for (const [key, value] of params) {
    if (++count > MAX_FIELDS) throw new QueryFormError(`A request may carry at most ${MAX_FIELDS} parameters`);
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else place(input, key.split('.'), value);
  }
  return { action, version, input: normalize(input) as Record<string, unknown> };
}

type Node = Record<string, unknown>;

/** Writes `value` at the path, building nested nodes (lists and maps stay index-keyed until normalize). */
function place(root: Node, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next === 'object' && next !== null) node = next as Node;
    else {
      const created = dict<unknown>();
      node[key] = created;
      node = created;
    }
  }
  const last = path[path.length - 1] as string;
  if (!Object.hasOwn(node, last)) node[last] = value;
}

/**
 * Index-keyed nodes become what they stand for: `{member: {1: a, 2: b}}` a list in index order,
 * `{entry: {1: {key, value}}}` a map, an empty string where a list was sent empty stays `''` and
 * the operation's reader treats it as an empty list.
 */
function normalize(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const node = value as Node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'member' && typeof node.member === 'object' && node.member !== null) {
    return indexed(node.member as Node).map(normalize);
  }
  if (keys.length === 1 && keys[0] === 'entry' && typeof node.entry === 'object' && node.entry !== null) {
    const out = dict<unknown>();
    for (const item of indexed(node.entry as Node)) {
      if (typeof item !== 'object' || item === null) continue;
      const { key, value: v } = item as Node;
      if (typeof key === 'string') out[key] = normalize(v);
    }
    return out;
  }
  const out = dict<unknown>();
  for (const key of keys) out[key] = normalize(node[key]);
  return out;
}

/** The values of `{1: a, 2: b}` in index order; keys that are not positive integers are dropped. */
function indexed(node: Node): unknown[] {
  return Object.keys(node)
    .filter((k) => /^[1-9]\d{0,3}$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k]);
}
