/**
 * Answers kept for functions whose answer depends on their argument alone (a pure function of
 * something that never changes), so a hot path computes each once. Two kinds of argument:
 * - an object that never changes (a frozen one, a parsed policy's statement): kept in a WeakMap,
 *   thrown away with the object;
 * - a string from a small, closed set (action names, condition key names): kept in a Map cleared
 *   when it reaches `max`, so a stream of unusual strings cannot grow it without bound.
 * Never for anything that depends on the request, the caller or the time.
 */
export function keptPerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}

export function keptPerString<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/**
 * An answer that depends on an unchanging object and up to four texts, kept per object for the
 * last texts it was asked with (a missing text is ''): the same call repeated, the usual load,
 * gets the same answer object; any other computes its own, which is then the one kept. For answers
 * the call log holds for many requests (a record, a reason, a statement's reference), where one
 * shared object rather than a copy per request is what every garbage collection walks less of.
 */
export function keptPerObjectForLast<K extends object, V>(
  compute: (key: K, a: string, b: string, c: string, d: string) => V,
): (key: K, a: string, b?: string, c?: string, d?: string) => V {
  const last = new WeakMap<K, { a: string; b: string; c: string; d: string; value: V }>();
  return (key, a, b = '', c = '', d = '') => {
    const kept = last.get(key);
    if (kept !== undefined && kept.a === a && kept.b === b && kept.c === c && kept.d === d) return kept.value;
    const value = compute(key, a, b, c, d);
    last.set(key, { a, b, c, d, value });
    return value;
  };
}
