import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { optionOrder, shuffle } from './shuffle';
import { makeQuestion } from './testing';

describe('shuffle', () => {
  it('is stable for a seed: same seed, same order', () => {
    const items = Array.from({ length: 65 }, (_, i) => `q${i}`);
    const first = shuffle(items, createRandom('seed-a'));
    expect(shuffle(items, createRandom('seed-a'))).toEqual(first);
    expect(shuffle(items, createRandom('seed-b'))).not.toEqual(first);
  });

  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const copy = items.slice();
        const out = shuffle(items, createRandom(seed));
        expect(items).toEqual(copy);
        expect(out.slice().sort()).toEqual(items.slice().sort());
      }),
    );
  });

  it('pins the order a seed gives (a regression guard for saved attempts)', () => {
    expect(shuffle(['a', 'b', 'c', 'd', 'e'], createRandom('pinned'))).toEqual(['b', 'a', 'd', 'c', 'e']);
  });
});

describe('optionOrder', () => {
  it('depends on the seed and the question id only', () => {
    const q = makeQuestion('q1');
    expect(optionOrder(q, 's')).toEqual(optionOrder(makeQuestion('q1'), 's'));
    expect(optionOrder(q, 's').slice().sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never shows an ordering question already solved', () => {
    const q = makeQuestion('rotation-steps', 'ordering');
    for (let i = 0; i < 200; i++) expect(optionOrder(q, `seed-${i}`)).not.toEqual(['a', 'b', 'c', 'd']);
  });
});
