import { keptPerObject, keptPerString } from '../core/memo';
import type { ContextValue, RequestContext } from './types';

/**
 * A request context with lower-cased key names (IAM condition key names are case-insensitive; the
 * values are not) and every value as a list of strings (booleans as `true`/`false`). Read by key
 * only: a Map, or a request's layers read in turn (LayeredContext).
 */
export interface NormalizedContext {
  get(key: string): readonly string[] | undefined;
}

/**
 * A key name in lower case, kept per name: the names are the emulator's own and those policies
 * test, and a name lowered again on every request was a new string every lookup had to hash.
 * Bounded: cleared when full.
 */
export const lowerKey = keptPerString((key) => key.toLowerCase(), 4096);

/**
 * A request's condition keys as layers, the first holding a key giving its values: the request's
 * own keys, then the caller's, then the global ones (what merging them in that order into one map
 * gave, later layers winning), without copying any layer per request. The last layer is asked for
 * only when a key is in none of the others: the global keys (the time written out) are then built
 * only for a statement that reads one of them or a key the request does not have.
 */
export class LayeredContext implements NormalizedContext {
  readonly #layers: readonly NormalizedContext[];
  readonly #last: () => NormalizedContext;

  constructor(layers: readonly NormalizedContext[], last: () => NormalizedContext) {
    this.#layers = layers;
    this.#last = last;
  }

  get(key: string): readonly string[] | undefined {
    for (const layer of this.#layers) {
      const values = layer.get(key);
      if (values !== undefined) return values;
    }
    return this.#last().get(key);
  }
}

function asStrings(value: ContextValue): string[] {
  if (typeof value === 'string') return [value];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => String(v));
}

export function normalizeContext(context: RequestContext = {}): ReadonlyMap<string, readonly string[]> {
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
    if (value !== undefined) into.set(lowerKey(key), asStrings(value));
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
  return context.get(lowerKey(key));
}

/**
 * A frozen context normalized once (one Map per object, only ever read): a frozen context cannot
 * change, and the services hand the same one to every request that asks the same thing (KMS's keys
 * for a secret version's encryption context: kms/authorize.ts). Any other context is normalized per call.
 */
const normalizedFrozen = keptPerObject((context: RequestContext): NormalizedContext => normalizeContext(context));
export function normalizeOnce(context: RequestContext): NormalizedContext {
  return Object.isFrozen(context) ? normalizedFrozen(context) : normalizeContext(context);
}

/**
 * A policy variable's value (`${aws:username}`), or undefined when the key is absent or has several
 * values: IAM substitutes single-valued keys only.
 */
export function variableValue(context: NormalizedContext, key: string): string | undefined {
  const values = contextValues(context, key);
  return values?.length === 1 ? values[0] : undefined;
}
