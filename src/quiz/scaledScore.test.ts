import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPass, SCALED_SCORE_EXPLANATION, scaledScore } from './scaledScore';

describe('scaledScore', () => {
  it('runs from 100 at 0% to 1000 at 100%', () => {
    expect(scaledScore(0, 50)).toBe(100);
    expect(scaledScore(50, 50)).toBe(1000);
    expect(scaledScore(0, 0)).toBe(100);
  });

  it('puts the pass line at 72% raw: 36 of 50 passes with 720, 35 of 50 fails', () => {
    expect(scaledScore(36, 50)).toBe(720);
    expect(isPass(scaledScore(36, 50))).toBe(true);
    expect(scaledScore(35, 50)).toBe(702);
    expect(isPass(scaledScore(35, 50))).toBe(false);
    expect(scaledScore(43, 50)).toBe(860);
  });

  it('stays within 100..1000, never decreases, and shows 720 or more exactly when raw ≥ 72%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (total, n) => {
        const points = Math.min(n, total);
        const s = scaledScore(points, total);
        expect(s).toBeGreaterThanOrEqual(100);
        expect(s).toBeLessThanOrEqual(1000);
        expect(Number.isInteger(s)).toBe(true);
        expect(isPass(s)).toBe(points * 100 >= 72 * total);
        if (points < total) expect(scaledScore(points + 1, total)).toBeGreaterThanOrEqual(s);
      }),
    );
  });

  it('clamps impossible inputs', () => {
    expect(scaledScore(-3, 10)).toBe(100);
    expect(scaledScore(11, 10)).toBe(1000);
  });

  it('explains that the real scaling is not published', () => {
    expect(SCALED_SCORE_EXPLANATION).toMatch(/does not publish/);
    expect(SCALED_SCORE_EXPLANATION).toMatch(/72%/);
  });
});
