import { type Card, createEmptyCard, fsrs, type Grade, Rating, type State } from 'ts-fsrs';

/**
 * Spaced repetition with FSRS (ts-fsrs). One card per question and one per lab exercise, stored as
 * plain JSON (epoch milliseconds, no Dates) so the store can persist the schedule. Fuzz is off: the
 * same history always gives the same due dates.
 */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review: number | null;
}

export interface ReviewSchedule {
  version: 1;
  questions: Record<string, StoredCard>;
  exercises: Record<string, StoredCard>;
}

export type ReviewKind = 'questions' | 'exercises';

const scheduler = fsrs({ enable_fuzz: false });

export function emptySchedule(): ReviewSchedule {
  return { version: 1, questions: {}, exercises: {} };
}

export { Rating };
export type ReviewRating = Rating.Again | Rating.Hard | Rating.Good;

/** A right answer given after this much thinking is graded Hard, not Good. */
export const DEFAULT_HESITATION_MS = 90_000;

export interface AnswerSignal {
  correct: boolean;
  /** On-screen time before the final answer. */
  answerTimeMs: number | null;
  /** Times the learner replaced a complete answer. */
  changes: number;
}

/** Wrong → Again; right after a long hesitation or a changed answer → Hard; right → Good. */
export function gradeAnswer(signal: AnswerSignal, hesitationMs = DEFAULT_HESITATION_MS): ReviewRating {
  if (!signal.correct) return Rating.Again;
  if (signal.changes > 0 || (signal.answerTimeMs ?? 0) > hesitationMs) return Rating.Hard;
  return Rating.Good;
}

/** Applies one review to the card `kind/id` (a new card when there is none) at `now`. */
export function reviewCard(
  schedule: ReviewSchedule,
  kind: ReviewKind,
  id: string,
  rating: Grade,
  now: number,
): ReviewSchedule {
  const stored = schedule[kind][id];
  const card = stored ? toCard(stored) : createEmptyCard(new Date(now));
  const next = scheduler.next(card, new Date(now), rating).card;
  return { ...schedule, [kind]: { ...schedule[kind], [id]: fromCard(next) } };
}

/** An exercise's checks passed (Good) or failed (Again): exercises share the questions' schedule. */
export function recordExercise(
  schedule: ReviewSchedule,
  exerciseId: string,
  passed: boolean,
  now: number,
): ReviewSchedule {
  return reviewCard(schedule, 'exercises', exerciseId, passed ? Rating.Good : Rating.Again, now);
}

/**
 * The chance, by FSRS's forgetting curve, that the learner still recalls this card at `now`
 * (1 right after a review, falling with time; slower for a stable card).
 */
export function retrievability(card: StoredCard, now: number): number {
  if (card.last_review === null) return 0;
  const r = scheduler.get_retrievability(toCard(card), new Date(Math.max(now, card.last_review)), false);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}

export function isDue(card: StoredCard, now: number): boolean {
  return card.due <= now;
}

function toCard(c: StoredCard): Card {
  return {
    ...c,
    due: new Date(c.due),
    last_review: c.last_review === null ? undefined : new Date(c.last_review),
  };
}

function fromCard(c: Card): StoredCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review ? c.last_review.getTime() : null,
  };
}
