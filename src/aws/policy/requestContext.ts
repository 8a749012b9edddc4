import type { ContextValue, RequestContext } from './types';

/**
 * A request context with lower-cased key names (IAM condition key names are case-insensitive; the
 * values are not) and every value as a list of strings (booleans as `true`/`false`).
 */
export type NormalizedContext = ReadonlyMap<string, readonly string[]>;

function asStrings(value: ContextValue): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v));
}

export function normalizeContext(context: RequestContext = {}): NormalizedContext {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined) continue;
    out.set(key.toLowerCase(), asStrings(value));
  }
  return out;
}

/** The values of a key, or undefined when the request does not carry it. */
export function contextValues(context: NormalizedContext, key: string): readonly string[] | undefined {
  return context.get(key.toLowerCase());
}

/**
 * A policy variable's value (`${aws:username}`), or undefined when the key is absent or has several
 * values: IAM substitutes single-valued keys only.
 */
export function variableValue(context: NormalizedContext, key: string): string | undefined {
  const values = contextValues(context, key);
  return values?.length === 1 ? values[0] : undefined;
}
