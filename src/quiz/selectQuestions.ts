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
