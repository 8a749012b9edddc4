import type { DomainId } from '../schema/dva-c02';
import { lessonLink, type Question, type QuestionType } from '../schema/questionTypes';
import { createRandom } from './random';
import type { ReviewSchedule } from './reviewSchedule';
import { buildReviewSession } from './reviewSession';
import { indexQuestions } from './scoreAttempt';
import { shuffle } from './shuffle';

/** Which questions a practice set holds. (Exams use `drawBlueprint`.) */
export type QuestionSelector =
  | { by: 'all' }
  | { by: 'lesson'; lesson: string }
  | { by: 'domain'; domain: DomainId }
  | { by: 'task'; task: string }
  /** Missed questions (from `missedQuestionIds`) or any explicit list, kept in the given order. */
  | { by: 'ids'; ids: readonly string[] }
  /** Questions whose review card is due at `now`, most overdue first. */
  | { by: 'due'; schedule: ReviewSchedule; now: number };

export interface SelectOptions {
  /** Only these types (e.g. leave ordering out). */
  types?: readonly QuestionType[];
  /** At most this many; with a seed, a random sample, else the first ones. */
  limit?: number;
  seed?: string;
}

export function selectQuestions(
  bank: readonly Question[],
  selector: QuestionSelector,
  options: SelectOptions = {},
): Question[] {
  let picked = match(bank, selector);
  if (options.types) picked = picked.filter((q) => options.types?.includes(q.type));
  const limit = options.limit ?? picked.length;
  if (limit >= picked.length) return picked;
  if (options.seed === undefined) return picked.slice(0, limit);
  const sample = new Set(shuffle(picked, createRandom(options.seed)).slice(0, limit));
  return picked.filter((q) => sample.has(q));
}

function match(bank: readonly Question[], selector: QuestionSelector): Question[] {
  switch (selector.by) {
    case 'all':
      return bank.slice();
    case 'lesson': {
      const slug = selector.lesson.split('#')[0];
      return bank.filter((q) => lessonLink(q).slug === slug);
    }
    case 'domain':
      return bank.filter((q) => q.domain === selector.domain);
    case 'task':
      return bank.filter((q) => q.task === selector.task);
    case 'ids': {
      const byId = indexQuestions(bank);
      return [...new Set(selector.ids)].flatMap((id) => byId.get(id) ?? []);
    }
    case 'due': {
      const byId = indexQuestions(bank);
      return buildReviewSession(selector.schedule, byId, selector.now).questionIds.flatMap((id) => byId.get(id) ?? []);
    }
  }
}

/**
 * For a drill: questions never answered first, then those last answered wrong, then those last
 * answered right (longest ago first); bank order within each group. Pure, so a drill is stable.
 */
export function weakestFirst(
  questions: readonly Question[],
  results: Readonly<Record<string, { correct: boolean; at: number }>>,
): Question[] {
  const result = (id: string) => (Object.hasOwn(results, id) ? results[id] : undefined);
  const rank = (q: Question) => {
    const r = result(q.id);
    return r === undefined ? 0 : r.correct ? 2 : 1;
  };
  return questions
    .map((q, i) => ({ q, i }))
    .sort(
      (a, b) =>
        rank(a.q) - rank(b.q) ||
        (rank(a.q) === 2 ? (result(a.q.id)?.at ?? 0) - (result(b.q.id)?.at ?? 0) : 0) ||
        a.i - b.i,
    )
    .map(({ q }) => q);
}

/**
 * A lesson's "Check yourself": up to `max` of its own questions, those not yet answered right
 * first (weakestFirst), shown in the bank's (teaching) order.
 */
export function lessonCheck(
  bank: readonly Question[],
  slug: string,
  results: Readonly<Record<string, { correct: boolean; at: number }>>,
  max = 5,
): Question[] {
  const own = selectQuestions(bank, { by: 'lesson', lesson: slug });
  const chosen = new Set(weakestFirst(own, results).slice(0, max));
  return own.filter((q) => chosen.has(q));
}
