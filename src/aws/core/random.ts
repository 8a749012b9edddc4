/**
 * The emulator's only source of randomness: seedable, so ids, ARNs and generated passwords are
 * reproducible in tests and in a lab run. Never call `Math.random()` in `src/aws/`.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: tiny, fast and good enough for ids (not for real cryptography). */
export class SeededRandom implements Random {
  #state: number;

  constructor(seed = 0x5ec2e75) {
    this.#state = seed >>> 0;
  }

  reseed(seed = 0x5ec2e75): void {
    this.#state = seed >>> 0;
  }

  /** Where the sequence is: saved in snapshots, so a restored emulator never repeats an id it issued. */
  get position(): number {
    return this.#state;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export function randomInt(random: Random, maxExclusive: number): number {
  return Math.floor(random.next() * maxExclusive);
}

export function randomChars(random: Random, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(random, alphabet.length)];
  return out;
}

const HEX = '0123456789abcdef';

/** An RFC 4122 version-4 shaped UUID drawn from the seeded source. */
export function randomUuid(random: Random): string {
  const h = randomChars(random, 32, HEX).split('');
  h[12] = '4';
  h[16] = HEX[(Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8] ?? '8';
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function randomBytes(random: Random, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = randomInt(random, 256);
  return out;
}
