import { ARRAY_INDEX_END, arrayIndexKey, type Dict, own } from '../core/dict';

/**
 * When each entry of a state map (secrets by name, parameters by key) falls due for one kind of
 * event (a scheduled rotation, the end of a recovery window, a parameter policy), kept in a
 * min-heap so a clock source finds the earliest in O(log n) instead of looking at every entry
 * (issue 14: after a write in wall-clock mode, asking "what is due next?" no longer costs a look
 * at the whole store). State stays plain JSON: the index lives beside the map in a WeakMap keyed
 * by the map object, built by one full look on first use and thrown away with the map (a restore
 * or a reset replaces the maps), as core/orderedIndex.ts keeps list orders.
 *
 * Invariants:
 * - a write that may make an entry due EARLIER, or due at all, marks it after the change:
 *   `markDue(map, key)` (storeSecret/removeSecret, storeParameter/removeParameter, RotateSecret,
 *   the rotation engine's next date, DeleteSecret, RestoreSecret, promoting a replica, a new
 *   parameter version). A mark only says "look again"; the due time is always read from the state;
 * - a change that makes an entry due later, or never, needs no mark: the earliest entry is
 *   checked against the state before it is reported, and filed again if it moved;
 * - ties go to the entry the map lists first, exactly as `Object.keys` (the full scans this
 *   replaces) lists them: an object lists its array-index keys ('0' … '4294967294', no leading
 *   zero) first, in numeric order, then every other key in insertion order. A secret or parameter
 *   may well be named '2', and a restored snapshot rebuilds the maps in that order, so the tie
 *   order decides which of two rotations due at the same millisecond runs (and draws from the
 *   seeded random source) first, live and after a restore alike.
 */
export type DueOf<V> = (value: V) => number | undefined;

interface Filed {
  time: number;
  /** The key's place in the map's key order (the tie-break): see `orderOf`. */
  order: number;
  key: string;
}

export class DueIndex<V> {
  readonly #map: Dict<V>;
  readonly #dueOf: DueOf<V>;
  /** Min-heap by (time, order); an item whose key is now filed differently is stale and skipped. */
  #heap: Filed[] = [];
  readonly #filed = new Map<string, Filed>();
  readonly #order = new Map<string, number>();
  readonly #marked = new Set<string>();
  #nextOrder = 0;

  constructor(map: Dict<V>, dueOf: DueOf<V>) {
    this.#map = map;
    this.#dueOf = dueOf;
    for (const key of Object.keys(map)) this.#file(key);
  }

  /** `key` may have changed: it is filed again at the next look (a key gone from the map loses its place now). */
  mark(key: string): void {
    if (!Object.hasOwn(this.#map, key)) this.#order.delete(key);
    this.#marked.add(key);
  }

  /** The entry due first, checked against the state, or undefined when nothing is due. */
  earliest(): { key: string; time: number } | undefined {
    for (const key of this.#marked) this.#file(key);
    this.#marked.clear();
    for (;;) {
      const top = this.#heap[0];
      if (!top) return undefined;
      if (this.#filed.get(top.key) !== top) {
        this.#pop();
        continue;
      }
      const value = own(this.#map, top.key);
      if (value !== undefined && this.#dueOf(value) === top.time) return top;
      // Moved later, or no longer due, without a mark: file it where it now belongs.
      this.#pop();
      this.#filed.delete(top.key);
      this.#file(top.key);
    }
  }

  #file(key: string): void {
    const value = own(this.#map, key);
    if (value === undefined) {
      this.#order.delete(key);
      this.#filed.delete(key);
      return;
    }
    let order = this.#order.get(key);
    if (order === undefined) {
      order = orderOf(key, () => this.#nextOrder++);
      this.#order.set(key, order);
    }
    const time = this.#dueOf(value);
    const filed = this.#filed.get(key);
    if (time === undefined) {
      this.#filed.delete(key);
      return;
    }
    if (filed && filed.time === time && filed.order === order) return;
    const entry = { time, order, key };
    this.#filed.set(key, entry);
    this.#push(entry);
    // Stale items pile up as entries are filed again: past twice the live ones, start the heap over.
    if (this.#heap.length > 2 * this.#filed.size + 64) this.#rebuild();
  }

  #rebuild(): void {
    this.#heap = [...this.#filed.values()].sort(before);
  }

  #push(entry: Filed): void {
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (before(heap[parent] as Filed, entry) <= 0) break;
      heap[i] = heap[parent] as Filed;
      i = parent;
    }
    heap[i] = entry;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as Filed, heap[left] as Filed) < 0 ? right : left;
      if (before(last, heap[child] as Filed) <= 0) break;
      heap[i] = heap[child] as Filed;
      i = child;
    }
    heap[i] = last;
  }
}

const before = (a: Filed, b: Filed) => a.time - b.time || a.order - b.order;

/**
 * A key's tie-break: an array-index key's value less 2^32 (so '0' … '4294967294' sort by value,
 * before every other key), any other key the next insertion counter (from 0).
 */
function orderOf(key: string, next: () => number): number {
  const index = arrayIndexKey(key);
  return index === undefined ? next() : index - ARRAY_INDEX_END;
}

/** By map object, then by event name. Each is a `DueIndex` of that map's values. */
const indexes = new WeakMap<object, Map<string, { mark(key: string): void }>>();

/** The index of `map` for the events named `name` (built now, by one look at every entry, if missing). */
export function dueIndex<V>(map: Dict<V>, name: string, dueOf: DueOf<V>): DueIndex<V> {
  let byName = indexes.get(map);
  if (!byName) {
    byName = new Map();
    indexes.set(map, byName);
  }
  let index = byName.get(name) as DueIndex<V> | undefined;
  if (!index) {
    index = new DueIndex(map, dueOf);
    byName.set(name, index);
  }
  return index;
}

/** `key` of `map` changed in a way that may make it due earlier (or due at all): every index of the map looks again. */
export function markDue(map: object, key: string): void {
  for (const index of indexes.get(map)?.values() ?? []) index.mark(key);
}
