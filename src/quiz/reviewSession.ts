import {
  DEFAULT_HESITATION_MS,
  gradeAnswer,
  isDue,
  type ReviewSchedule,
  reviewCard,
  type StoredCard,
} from './reviewSchedule';
import type { AttemptResult, QuestionBank } from './scoreAttempt';

/**
 * Feeds a scored attempt into the schedule: every answered question updates its card (unanswered
 * ones were never seen for sure, so they leave the schedule alone). Unscored exam questions were
 * answered too, so they count here.
 */
export function recordAttempt(
  schedule: ReviewSchedule,
  result: AttemptResult,
  now: number,
  hesitationMs = DEFAULT_HESITATION_MS,
): ReviewSchedule {
  let next = schedule;
  for (const o of result.outcomes) {
    if (!o.answered) continue;
    next = reviewCard(next, 'questions', o.id, gradeAnswer(o, hesitationMs), now);
  }
  return next;
}

export interface ReviewSession {
  /** Due questions still in the bank, most overdue first. */
  questionIds: string[];
  /** Due lab exercises, most overdue first. */
  exerciseIds: string[];
  /** Due cards in all, before the limit. */
  dueCount: number;
}

/** "Review due": the cards due at `now`, most overdue first, at most `limit` questions. */
export function buildReviewSession(
  schedule: ReviewSchedule,
  bank: QuestionBank,
  now: number,
  limit = Number.POSITIVE_INFINITY,
): ReviewSession {
  const questions = dueIds(schedule.questions, now).filter((id) => bank.has(id));
  const exerciseIds = dueIds(schedule.exercises, now);
  return {
    questionIds: questions.slice(0, limit),
    exerciseIds,
    dueCount: questions.length + exerciseIds.length,
  };
}

/** When the next card falls due after `now`, or null when nothing is scheduled. */
export function nextDueAt(schedule: ReviewSchedule, now: number): number | null {
  let next: number | null = null;
  for (const card of [...Object.values(schedule.questions), ...Object.values(schedule.exercises)]) {
    if (card.due > now && (next === null || card.due < next)) next = card.due;
  }
  return next;
}

function dueIds(cards: Record<string, StoredCard>, now: number): string[] {
  return Object.entries(cards)
    .filter(([, card]) => isDue(card, now))
    .sort(([a, x], [b, y]) => x.due - y.due || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id);
}
