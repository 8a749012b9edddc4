import { arrayIndexKey, type Dict } from './dict';
import { encodeToken, type Page, type PageRequest, tokenOffset } from './paginate';

/**
 * The keys of a state map (secrets by name, parameters by key) kept in a list order, so a list
 * operation reads one page from a position instead of sorting the whole store on every call
 * (issue 14: a page costs in proportion to the page). State stays plain JSON: the index lives
 * beside it, in a WeakMap keyed by the map object, built on first use and thrown away with the map
 * (a restore or a reset replaces the maps).
 *
 * Invariants: the order is by `sortKey` ascending (a descending order is its own index on a
 * negated key), ties in the map's key order, exactly as `Object.keys` lists them (the sorts this
 * replaces used it, and a rebuild uses it): array-index keys ('7') first by value, then the others
 * in insertion order (`arrayIndexKey` in dict.ts); an entry's sort key never changes while it is in the map
 * (a name, a creation date); every insertion and removal of a key goes through `indexInsert` /
 * `indexRemove` (the services' store and remove functions call them). A page checks that the keys
 * it returns are still in the map and rebuilds the index if one is not, so a missed removal costs
 * a rebuild, never a wrong answer.
 */
export interface OrderedIndex {
  readonly keys: string[];
  readonly sortKey: (key: string) => string | number;
}

const indexes = new WeakMap<object, Map<string, OrderedIndex>>();

/** The index of `map` in order `name` (built now if missing). */
export function orderedIndex<V>(map: Dict<V>, name: string, sortKey: (value: V) => string | number): OrderedIndex {
  let byName = indexes.get(map);
  if (!byName) {
    byName = new Map();
    indexes.set(map, byName);
  }
  let index = byName.get(name);
  if (!index) {
    const keyOf = (key: string) => sortKey(map[key] as V);
    const decorated = Object.keys(map).map((key, i) => ({ key, k: keyOf(key), i }));
    decorated.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
    index = { keys: decorated.map((d) => d.key), sortKey: keyOf };
    byName.set(name, index);
  }
  return index;
}

/** Forgets every index of `map` (the next page rebuilds it). */
export function dropIndexes(map: object): void {
  indexes.delete(map);
}

/**
 * A key was added to `map`: it goes after every key that sorts before it, and among those that sort
 * equal where `Object.keys` lists it: last, unless it is an array index, which goes after the equal
 * array-index keys of lower value and before every other equal key.
 */
export function indexInsert(map: object, key: string): void {
  const asIndex = arrayIndexKey(key);
  for (const index of indexes.get(map)?.values() ?? []) {
    const k = index.sortKey(key);
    let at = upperBound(index, k);
    if (asIndex !== undefined) {
      at = lowerBound(index, k);
      for (;;) {
        const other = index.keys[at];
        const otherIndex = other === undefined || index.sortKey(other) !== k ? undefined : arrayIndexKey(other);
        if (otherIndex === undefined || otherIndex > asIndex) break;
        at++;
      }
    }
    index.keys.splice(at, 0, key);
  }
}

/** `key` is about to leave `map` (call it while the entry is still there: its sort key is read). */
export function indexRemove(map: object, key: string): void {
  for (const index of indexes.get(map)?.values() ?? []) {
    const k = index.sortKey(key);
    let i = lowerBound(index, k);
    while (i < index.keys.length && index.keys[i] !== key) i++;
    if (i < index.keys.length) index.keys.splice(i, 1);
  }
}

/** The first position whose key sorts at or after `k`. */
export function lowerBound(index: OrderedIndex, k: string | number): number {
  let lo = 0;
  let hi = index.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.sortKey(index.keys[mid] as string) < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(index: OrderedIndex, k: string | number): number {
  let lo = 0;
  let hi = index.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.sortKey(index.keys[mid] as string) <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Walks the index from position `start`, keeping the values `keep` accepts, until
 * `limit` are kept; `next` is the position of the next kept value after them, if there is one (so
 * the last page carries no token, as before). Cost: the values walked, not the map's size.
 */
export function walkIndex<V>(
  map: Dict<V>,
  index: OrderedIndex,
  start: number,
  limit: number,
  keep: (value: V) => boolean,
  /** The walk ends at the first value past the range (a path's subtree ends). */
  past: (value: V) => boolean = () => false,
): { items: V[]; next?: number } | 'stale' {
  const items: V[] = [];
  for (let step = start; step < index.keys.length; step++) {
    const key = index.keys[step] as string;
    if (!Object.hasOwn(map, key)) return 'stale';
    const value = map[key] as V;
    if (past(value)) break;
    if (!keep(value)) continue;
    if (items.length === limit) return { items, next: step };
    items.push(value);
  }
  return { items };
}

/**
 * One page through the index `build()` returns, as `walkIndex` walks it, rebuilding the index if a
 * key on the way has left the map; the token names the position where the next page starts,
 * counted from where the listing starts (`from`), so keys entering or leaving the index before
 * that range (parameters outside the path, another key's grants) do not move it.
 */
export function indexPage<V>(
  map: Dict<V>,
  build: () => OrderedIndex,
  request: PageRequest,
  keep: (value: V) => boolean,
  from: (index: OrderedIndex) => number = () => 0,
  past?: (value: V) => boolean,
): Page<V> {
  for (;;) {
    const index = build();
    const first = from(index);
    const walked = walkIndex(map, index, first + tokenOffset(request), request.limit, keep, past);
    if (walked === 'stale') {
      dropIndexes(map);
      continue;
    }
    return walked.next === undefined
      ? { items: walked.items }
      : { items: walked.items, next: encodeToken(request.scope, walked.next - first) };
  }
}

/** Every value of the range that starts at `from(index)` and ends before the first value `past` accepts. */
export function indexRange<V>(
  map: Dict<V>,
  build: () => OrderedIndex,
  from: (index: OrderedIndex) => number,
  past: (value: V) => boolean,
): V[] {
  for (;;) {
    const index = build();
    const walked = walkIndex(map, index, from(index), Number.POSITIVE_INFINITY, () => true, past);
    if (walked !== 'stale') return walked.items;
    dropIndexes(map);
  }
}
