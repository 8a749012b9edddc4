import type { Dict } from '../core/dict';
import {
  dropIndexes,
  indexInsert,
  indexPage,
  indexRemove,
  type OrderedIndex,
  orderedIndex,
} from '../core/orderedIndex';
import { encodeToken, type Page, type PageRequest, tokenOffset } from '../core/paginate';

/**
 * Users, roles and groups (keyed by name) and customer managed policies (keyed by ARN) enter and
 * leave their maps only through `storeEntry` / `removeEntry`, which keep each map ordered by name
 * beside it (core/orderedIndex.ts): ListUsers, ListRoles and ListPolicies read one page from there
 * instead of sorting every entity per call (issue 14: a page costs the page). Names are unique
 * within a map, so the order has no ties.
 */
export function storeEntry<V>(map: Dict<V>, key: string, value: V): void {
  const known = Object.hasOwn(map, key);
  map[key] = value;
  if (!known) indexInsert(map, key);
}

export function removeEntry(map: object, key: string): void {
  if (!Object.hasOwn(map, key)) return;
  indexRemove(map, key);
  delete (map as Dict<unknown>)[key];
}

/** The map's entries by name (`name` reads it from an entry; it never changes while the entry is in the map). */
export function byName<V>(map: Dict<V>, name: (value: V) => string): OrderedIndex {
  return orderedIndex(map, 'name', name);
}

/** One page of the map's entries by name that `keep` accepts (the token: a position in that order). */
export function namePage<V>(
  map: Dict<V>,
  name: (value: V) => string,
  request: PageRequest,
  keep: (value: V) => boolean,
): Page<V> {
  return indexPage(map, () => byName(map, name), request, keep);
}

/**
 * One page of two lists merged by name, as ListPolicies lists customer managed policies (`map`, by
 * its name index) with AWS managed ones (`fixed`, sorted by name): a customer policy first when
 * names tie. The token is a position in the merged order, split into the two lists' positions by a
 * binary search, so a page costs its walk, not the lists.
 */
export function mergedPage<V, T>(
  source: { map: Dict<V>; name: (value: V) => string; item: (value: V) => T } | undefined,
  fixed: readonly T[],
  fixedName: (item: T) => string,
  request: PageRequest,
  keep: (item: T) => boolean,
): Page<T> {
  for (;;) {
    const keys = source ? byName(source.map, source.name).keys : [];
    let stale = false;
    const at = (i: number): V | undefined => {
      const key = keys[i] as string;
      if (source && Object.hasOwn(source.map, key)) return source.map[key];
      stale = true;
      return undefined;
    };
    const localName = (i: number) => {
      const value = at(i);
      return value === undefined || !source ? '' : source.name(value);
    };
    const n = keys.length;
    const m = fixed.length;
    const p = tokenOffset(request);
    // The first p merged entries hold i customer ones: i grows while its next one comes before the
    // AWS one that would otherwise end the p.
    let lo = Math.max(0, p - m);
    let hi = Math.min(p, n);
    while (lo < hi) {
      const i = (lo + hi) >>> 1;
      if (localName(i) <= fixedName(fixed[p - i - 1] as T)) lo = i + 1;
      else hi = i;
    }
    let i = lo;
    let j = p - lo;
    const items: T[] = [];
    let next: number | undefined;
    while (!stale && (i < n || j < m)) {
      const local = i < n && (j >= m || localName(i) <= fixedName(fixed[j] as T));
      const value = local ? at(i) : undefined;
      const item = local ? (value === undefined ? undefined : source?.item(value)) : fixed[j];
      if (item === undefined) break;
      if (keep(item)) {
        if (items.length === request.limit) {
          next = i + j;
          break;
        }
        items.push(item);
      }
      if (local) i++;
      else j++;
    }
    if (stale && source) {
      dropIndexes(source.map);
      continue;
    }
    return next === undefined ? { items } : { items, next: encodeToken(request.scope, next) };
  }
}
