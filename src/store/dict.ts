/**
 * Prototype-safe dictionaries for keys that come from outside (files, saved state, URLs): objects
 * without a prototype, so `dict.constructor` is undefined rather than `Object`, and `own()` reads
 * only what was put there. They serialize like any object; structuredClone turns them back into
 * plain objects, which `own()` still reads safely.
 */
export type Dict<T> = Record<string, T>;

export function dict<T>(entries: Iterable<readonly [string, T]> = []): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Dict<T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy with `key` set. */
export function withEntry<T>(record: Readonly<Dict<T>>, key: string, value: T): Dict<T> {
  const out = dict(Object.entries(record));
  out[key] = value;
  return out;
}

/** A copy without `key`. */
export function withoutEntry<T>(record: Readonly<Dict<T>>, key: string): Dict<T> {
  return dict(Object.entries(record).filter(([k]) => k !== key));
}
