import { SeededRandom } from '../aws/core/random';

/**
 * A seedable pseudo-random source. The quiz engine never calls Math.random(): the same seed gives
 * the same question order, option order and blueprint draw on every machine, so an attempt can be
 * replayed and a test can pin an order. The generator is the emulator's (`src/aws/core/random.ts`,
 * mulberry32, framework-free): the app has one seeded source; the quiz only seeds it from text.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/** FNV-1a over the UTF-16 code units: turns any text seed into 32 bits. */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: string | number): Random {
  const source = new SeededRandom(hashSeed(seed));
  const next = () => source.next();
  return { next, int: (n) => Math.floor(next() * n) };
}
