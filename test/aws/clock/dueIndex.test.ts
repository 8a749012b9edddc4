import { describe, expect, it } from 'vitest';
import { type Dict, dict } from '../../../src/aws/core/dict';
import { SeededRandom } from '../../../src/aws/core/random';
import { dueIndex, markDue } from '../../../src/aws/scheduler/dueIndex';

/**
 * The clock's due-time index (src/aws/scheduler/dueIndex.ts) against the full look it replaces:
 * the earliest due entry, ties to the entry the map holds first. Writes mark an entry when it may
 * become due earlier; moving later or being cancelled needs no mark.
 */
interface Item {
  due?: number;
}
const dueOf = (item: Item) => item.due;

/** What the sources did before the index: every entry, in map order, the first strictly earliest. */
function fullLook(map: Dict<Item>): { key: string; time: number } | undefined {
  let best: { key: string; time: number } | undefined;
  for (const key of Object.keys(map)) {
    const time = map[key]?.due;
    if (time !== undefined && (!best || time < best.time)) best = { key, time };
  }
  return best;
}

describe('the due-time index', () => {
  it('finds what a full look finds through a long run of writes (seeded random walk)', () => {
    const map = dict<Item>();
    const random = new SeededRandom(7);
    const pick = (n: number) => Math.floor(random.next() * n);
    const index = dueIndex(map, 'test', dueOf);
    const mismatches: string[] = [];

    for (let step = 0; step < 3000; step++) {
      // Half the keys integer-like ('7'): an object lists those first, in numeric order.
      const n = pick(60);
      const key = n % 2 === 0 ? `k${n}` : `${n}`;
      const item = map[key];
      const action = pick(6);
      if (action === 0) {
        delete map[key];
        markDue(map, key); // a removal marks (removeSecret, removeParameter)
      } else if (action === 1 || !item) {
        map[key] = { due: pick(40) }; // a new entry (or replaced): marked
        markDue(map, key);
      } else if (action === 2) {
        item.due = pick(40); // any move, marked
        markDue(map, key);
      } else if (action === 3 && item.due !== undefined) {
        item.due += 1 + pick(10); // later: no mark needed
      } else if (action === 4) {
        item.due = undefined; // cancelled: no mark needed
      }
      const found = index.earliest();
      const expected = fullLook(map);
      if (JSON.stringify(found && { key: found.key, time: found.time }) !== JSON.stringify(expected)) {
        mismatches.push(`step ${step}: ${JSON.stringify(found)} vs ${JSON.stringify(expected)}`);
      }
    }

    expect(mismatches).toEqual([]);
  });

  it('ties go to the entry added first; one removed and added again goes last', () => {
    const map = dict<Item>();
    map.a = { due: 5 };
    map.b = { due: 5 };
    const index = dueIndex(map, 'test', dueOf);
    const first = index.earliest()?.key;
    delete map.a;
    markDue(map, 'a');
    map.a = { due: 5 };
    markDue(map, 'a');
    const afterReadding = index.earliest()?.key;

    expect(first).toBe('a');
    expect(afterReadding).toBe('b');
  });

  it("ties follow the map's own order, which lists integer-like keys first, by value", () => {
    const map = dict<Item>();
    map.b = { due: 5 };
    map['10'] = { due: 5 };
    const index = dueIndex(map, 'test', dueOf);
    map['2'] = { due: 5 };
    markDue(map, '2');
    map['4294967295'] = { due: 5 }; // past the largest array index: a string key, in insertion order
    markDue(map, '4294967295');
    const order: string[] = [];
    for (let found = index.earliest(); found; found = index.earliest()) {
      order.push(found.key);
      delete map[found.key];
      markDue(map, found.key);
    }

    expect(Object.keys({ b: 0, 10: 0, 2: 0, 4294967295: 0 })).toEqual(['2', '10', 'b', '4294967295']);
    expect(order).toEqual(['2', '10', 'b', '4294967295']);
  });

  it('only a marked entry is looked at again when it moves earlier (the writes that schedule must mark)', () => {
    const map = dict<Item>();
    map.a = { due: 10 };
    map.b = { due: 20 };
    const index = dueIndex(map, 'test', dueOf);
    index.earliest();
    (map.b as Item).due = 1;
    const unmarked = index.earliest()?.key;
    markDue(map, 'b');
    const marked = index.earliest()?.key;

    expect(unmarked).toBe('a');
    expect(marked).toBe('b');
  });
});
