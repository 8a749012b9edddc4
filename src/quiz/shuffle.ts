import type { Question } from '../schema/questionTypes';
import { createRandom, type Random } from './random';

/** A new array in a uniformly random order (Fisher–Yates); the input is untouched. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The display order of a question's options. Seeded by attempt seed + question id, so a question's
 * options keep their order whatever else is in the set. An ordering question is never shown already
 * solved (a shuffle that lands on the key is redrawn, deterministically).
 */
export function optionOrder(question: Question, seed: string): string[] {
  const random = createRandom(`${seed}:${question.id}`);
  const ids = question.options.map((o) => o.id);
  let order = shuffle(ids, random);
  for (let tries = 0; question.type === 'ordering' && ids.length > 1 && sameOrder(order, ids) && tries < 8; tries++) {
    order = shuffle(ids, random);
  }
  if (question.type === 'ordering' && ids.length > 1 && sameOrder(order, ids))
    order = [...ids.slice(1), ids[0] as string];
  return order;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
