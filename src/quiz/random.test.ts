import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed } from './random';

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRandom('exam-1');
    const b = createRandom('exam-1');
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('gives different sequences for different seeds', () => {
    const a = createRandom('exam-1');
    const b = createRandom('exam-2');
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('stays in [0, 1) and int(n) in [0, n)', () => {
    const r = createRandom(42);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.int(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    }
  });

  it('hashes text seeds to 32-bit unsigned integers', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
    expect(hashSeed('seed') >>> 0).toBe(hashSeed('seed'));
  });
});
