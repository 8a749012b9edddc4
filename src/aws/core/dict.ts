/**
 * Maps keyed by outside input (secret and parameter names, key ids, encryption-context keys,
 * account ids, regions) are null-prototype objects: a name like `__proto__`, `constructor` or
 * `toString` is then an ordinary key, never the object's prototype or an inherited method.
 * They stay plain JSON (JSON.stringify writes them like any object), which the snapshot needs.
 */
export type Dict<V> = Record<string, V>;

export function dict<V>(entries?: Iterable<readonly [string, V]>): Dict<V> {
  const out = Object.create(null) as Dict<V>;
  if (entries) for (const [k, v] of entries) out[k] = v;
  return out;
}

/** 2^32 - 1: the first integer that is not an array index. */
export const ARRAY_INDEX_END = 4_294_967_295;

/**
 * The value of an array-index key ('0' … '4294967294', no leading zero), else undefined. An object
 * lists those keys first, in numeric order, then every other key in insertion order: indexes that
 * keep a dict's key order for ties (core/orderedIndex.ts, scheduler/dueIndex.ts) use this to agree
 * with `Object.keys`, so a map built live and the same map restored from a snapshot list alike.
 */
export function arrayIndexKey(key: string): number | undefined {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(key)) return undefined;
  const value = Number(key);
  return value < ARRAY_INDEX_END ? value : undefined;
}

/** The value under `key`, never an inherited one (for objects that may not be null-prototype). */
export function own<V>(map: Dict<V>, key: string): V | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/**
 * A deep copy of parsed JSON in which every object is null-prototype: what `restore` loads, so
 * a stored `__proto__` key stays a key.
 */
export function fromJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(fromJson) as T;
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = fromJson((value as Record<string, unknown>)[key]);
  return out as T;
}

/** The value under `key`, created with `make()` first when missing. */
export function ensure<V>(map: Dict<V>, key: string, make: () => V): V {
  const existing = own(map, key);
  if (existing !== undefined) return existing;
  const created = make();
  map[key] = created;
  return created;
}
