import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion';

const DVA = [32, 26, 24, 18];

describe('apportion', () => {
  it('splits the DVA-C02 exam by its domain weights', () => {
    expect(apportion(50, DVA)).toEqual([16, 13, 12, 9]);
    expect(apportion(15, DVA)).toEqual([5, 4, 3, 3]);
    expect(apportion(65, DVA)).toEqual([21, 17, 15, 12]);
  });

  it('gives what a capped part cannot take to the others, by weight', () => {
    expect(apportion(50, DVA, [100, 100, 4, 100])).toEqual([19, 16, 4, 11]);
  });

  it('never exceeds the sum of the caps', () => {
    expect(apportion(65, DVA, [3, 2, 1, 0])).toEqual([3, 2, 1, 0]);
  });

  it('always sums to min(total, caps) and respects every cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 80 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (total, pairs) => {
          const weights = pairs.map(([w]) => w);
          const caps = pairs.map(([, c]) => c);
          const parts = apportion(total, weights, caps);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(
            Math.min(
              total,
              caps.reduce((a, b) => a + b, 0),
            ),
          );
          parts.forEach((p, i) => {
            expect(p).toBeLessThanOrEqual(caps[i] ?? 0);
          });
        },
      ),
    );
  });
});
