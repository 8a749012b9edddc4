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
