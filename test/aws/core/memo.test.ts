import { describe, expect, test } from 'vitest';
import { keptPerObject, keptPerObjectForLast, keptPerString } from '../../../src/aws/core/memo';

describe('answers kept per unchanging argument', () => {
  test('per object: computed once per object, another object gets its own', () => {
    const calls: object[] = [];
    const size = keptPerObject((o: { n: number }) => {
      calls.push(o);
      return { n: o.n * 2 };
    });
    const a = { n: 1 };
    const b = { n: 1 };

    const first = size(a);

    expect(size(a)).toBe(first);
    expect(size(b)).not.toBe(first);
    expect(size(b)).toEqual(first);
    expect(calls).toEqual([a, b]);
  });

  test('per string: bounded, cleared when full and computed again', () => {
    let calls = 0;
    const upper = keptPerString((s) => {
      calls++;
      return s.toUpperCase();
    }, 2);

    upper('a');
    upper('a');
    upper('b');
    expect(calls).toBe(2);
    upper('c'); // full: cleared, then c kept
    upper('a');
    expect(calls).toBe(4);
  });

  test('per object for the last texts: the same call shares one answer, other texts make (and keep) their own', () => {
    const made: string[] = [];
    const text = keptPerObjectForLast((o: { id: string }, a: string, b: string) => {
      made.push(`${o.id}:${a}:${b}`);
      return { words: `${o.id} ${a} ${b}` };
    });
    const key = { id: 'k' };

    const first = text(key, 'x', 'y');
    const again = text(key, 'x', 'y');
    const other = text(key, 'x', 'z');
    const backAgain = text(key, 'x', 'y');

    expect(again).toBe(first);
    expect(other).toEqual({ words: 'k x z' });
    // Only the last texts are kept: going back computes again, an equal but new answer.
    expect(backAgain).toEqual(first);
    expect(backAgain).not.toBe(first);
    expect(made).toEqual(['k:x:y', 'k:x:z', 'k:x:y']);
    // A missing text is '' for the compute function too.
    expect(text(key, 'x')).toEqual({ words: 'k x ' });
  });
});
