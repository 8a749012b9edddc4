import type { ContextValue, RequestContext } from './types';

/**
 * A request context with lower-cased key names (IAM condition key names are case-insensitive; the
 * values are not) and every value as a list of strings (booleans as `true`/`false`).
 */
export type NormalizedContext = ReadonlyMap<string, readonly string[]>;

function asStrings(value: ContextValue): string[] {
  if (typeof value === 'string') return [value];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v));
}

export function normalizeContext(context: RequestContext = {}): NormalizedContext {
  return mergeContext(new Map(), context);
}

/**
 * Adds a context's keys to a normalized one, later keys replacing earlier ones as in an object
 * spread (`{ ...into, ...context }`); a key whose value is `undefined` is left out. So a request's
 * context can be built from parts normalized once (the caller's keys: authorizer.ts) without
 * spreading objects per request.
 */
export function mergeContext(
  into: Map<string, readonly string[]>,
  context: RequestContext,
): Map<string, readonly string[]> {
  // for…in over own keys rather than Object.entries: no array of pairs per request.
  for (const key in context) {
    if (!Object.hasOwn(context, key)) continue;
    const value = context[key];
    if (value !== undefined) into.set(key.toLowerCase(), asStrings(value));
  }
  return into;
}

/**
 * A request's condition keys as the evaluator receives them: built already, or built on first use
 * (`resolve()` builds once and keeps the map). Most statements test no condition key and name no
 * policy variable, so a request they decide never builds its keys (authorizer.ts).
 */
export interface PendingContext {
  resolve(): NormalizedContext;
}
export type ContextSource = NormalizedContext | PendingContext;

export function resolveContext(source: ContextSource): NormalizedContext {
  return 'resolve' in source ? source.resolve() : source;
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
