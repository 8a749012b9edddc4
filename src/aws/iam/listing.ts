import type { Dict } from '../core/dict';
import {
  dropIndexes,
  indexInsert,
  indexPage,
  indexRemove,
  lowerBound,
  type OrderedIndex,
  orderedIndex,
} from '../core/orderedIndex';
import { encodeToken, type Page, type PageRequest, tokenOffset } from '../core/paginate';
import type { AccessKey } from './state';

/**
 * Users, roles and groups (keyed by name), customer managed policies (keyed by ARN) and access keys
 * (keyed by id) enter and leave their maps only through `storeEntry` / `removeEntry`, which keep
 * every order of the map beside it true (core/orderedIndex.ts): by name, for ListUsers, ListRoles
 * and ListPolicies to read one page instead of sorting every entity per call (issue 14: a page
 * costs the page); by name without regard to case, for the create operations' clash check
 * (`sameName`); access keys by user (`keysOf`). Names are unique within a map, so the name order
 * has no ties.
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

/**
 * The entries whose `sortKey` is `wanted`, by a binary search in the map's index on that key and a
 * walk over the equal ones: what a create's uniqueness check and a user's keys cost, not a look at
 * every entry. A key the index holds that has left the map (a removal that bypassed removeEntry)
 * costs a rebuild, never a wrong answer.
 */
function entriesWith<V>(map: Dict<V>, order: string, sortKey: (value: V) => string, wanted: string): V[] {
  for (;;) {
    const index = orderedIndex(map, order, sortKey);
    const found: V[] = [];
    let stale = false;
    for (let i = lowerBound(index, wanted); i < index.keys.length; i++) {
      const key = index.keys[i] as string;
      stale = !Object.hasOwn(map, key);
      if (stale || index.sortKey(key) !== wanted) break;
      found.push(map[key] as V);
    }
    if (!stale) return found;
    dropIndexes(map);
  }
}

/**
 * The entry named `wanted` without regard to case (`name` reads an entry's name), or undefined.
 * IAM names are unique that way: with a user `bob`, CreateUser `BOB` is EntityAlreadyExists (the
 * names are ASCII, `[\w+=,.@-]`, so lower-casing is IAM's folding).
 */
export function sameName<V>(map: Dict<V>, name: (value: V) => string, wanted: string): V | undefined {
  return entriesWith(map, 'folded name', (v) => name(v).toLowerCase(), wanted.toLowerCase())[0];
}

/** A user's access keys (at most two), in the order they were made. */
export function keysOf(accessKeys: Dict<AccessKey>, userName: string): AccessKey[] {
  return entriesWith(accessKeys, 'user', (k) => k.UserName, userName);
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
