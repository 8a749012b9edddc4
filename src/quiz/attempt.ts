import { chooseCount, type Question, type QuestionType } from '../schema/questionTypes';
import { createRandom } from './random';
import { optionOrder, shuffle } from './shuffle';

/**
 * An attempt is plain data (JSON-safe, no Dates, no functions): the store persists it as is, and an
 * interrupted exam is restored from it after a reload. Every change goes through `reduceAttempt`
 * with the time of the event, so the engine never reads a clock.
 */
export type AttemptMode = 'practice' | 'exam';

/**
 * What a session is: practice (feedback as you go), or a timed exam, full (65 questions /
 * 130 min), short (20 / 40) or custom. Only full and custom exams are given a scaled score.
 */
export type AttemptKind = 'practice' | 'full' | 'short' | 'custom';

export interface AttemptQuestion {
  id: string;
  type: QuestionType;
  /** How many options make a complete answer: 1 (single), the stem's count (multiple), every step (ordering). */
  pick: number;
  /** Option (or step) ids in display order. */
  options: string[];
}

export interface AttemptEntry {
  /** Selected option ids; for ordering, the learner's order. Empty = unanswered. */
  answer: string[];
  flagged: boolean;
  /** Milliseconds this question was on screen, summed over visits. */
  timeMs: number;
  /** On-screen milliseconds at the moment the current answer was given (the hesitation), or null. */
  answerTimeMs: number | null;
  /** Times a complete answer was replaced by a different one. */
  changes: number;
  /** Practice only: feedback was shown, the answer is locked. */
  checked: boolean;
}

export interface Attempt {
  version: 1;
  id: string;
  mode: AttemptMode;
  seed: string;
  questions: AttemptQuestion[];
  /** Ids of questions that count for nothing (an exam's 15 unscored); never shown as such. */
  unscoredIds: string[];
  /** Epoch milliseconds. */
  startedAt: number;
  /** The exam clock runs in wall time from startedAt, like the real exam; null = untimed. */
  timeLimitMs: number | null;
  status: 'active' | 'submitted';
  submittedAt: number | null;
  submitReason: 'learner' | 'time-up' | null;
  /** Index of the question on screen. */
  current: number;
  /** When the current question's on-screen time was last accounted. */
  viewStartedAt: number;
  entries: Record<string, AttemptEntry>;
}

export interface NewAttempt {
  id: string;
  mode: AttemptMode;
  questions: readonly Question[];
  seed: string;
  now: number;
  timeLimitMs?: number | null;
  unscoredIds?: readonly string[];
  /** Keep the given question order (a lesson's quiz, in teaching order). Default: shuffled by the seed. */
  keepOrder?: boolean;
}

export function createAttempt(input: NewAttempt): Attempt {
  const order = input.keepOrder ? input.questions.slice() : shuffle(input.questions, createRandom(input.seed));
  const questions = order.map(
    (q): AttemptQuestion => ({ id: q.id, type: q.type, pick: pickCount(q), options: optionOrder(q, input.seed) }),
  );
  const ids = new Set(questions.map((q) => q.id));
  if (ids.size !== questions.length) throw new Error('An attempt cannot hold the same question twice');
  return {
    version: 1,
    id: input.id,
    mode: input.mode,
    seed: input.seed,
    questions,
    unscoredIds: (input.unscoredIds ?? []).filter((id) => ids.has(id)),
    startedAt: input.now,
    timeLimitMs: input.timeLimitMs ?? null,
    status: 'active',
    submittedAt: null,
    submitReason: null,
    current: 0,
    viewStartedAt: input.now,
    entries: Object.fromEntries(questions.map((q) => [q.id, emptyEntry()])),
  };
}

export function emptyEntry(): AttemptEntry {
  return { answer: [], flagged: false, timeMs: 0, answerTimeMs: null, changes: 0, checked: false };
}

/** How many options make a complete answer: 1 (single), the stem's count (multiple), every step (ordering). */
export function pickCount(q: Question): number {
  if (q.type === 'single') return 1;
  if (q.type === 'ordering') return q.options.length;
  return chooseCount(q.stem) ?? q.options.filter((o) => o.correct).length;
}

/** The moment the exam clock reaches zero, or null when untimed. */
export function deadlineOf(attempt: Attempt): number | null {
  return attempt.timeLimitMs === null ? null : attempt.startedAt + attempt.timeLimitMs;
}

/** Milliseconds left on the exam clock at `now` (0 once submitted or expired); null when untimed. */
export function remainingMs(attempt: Attempt, now: number): number | null {
  const deadline = deadlineOf(attempt);
  if (deadline === null) return null;
  if (attempt.status === 'submitted') return 0;
  return Math.max(0, deadline - now);
}

export function isAnswered(entry: AttemptEntry | undefined): boolean {
  return (entry?.answer.length ?? 0) > 0;
}

/** What the question palette shows for each question, in display order. */
export function paletteOf(
  attempt: Attempt,
): { id: string; index: number; answered: boolean; flagged: boolean; current: boolean }[] {
  return attempt.questions.map((q, index) => ({
    id: q.id,
    index,
    answered: isAnswered(attempt.entries[q.id]),
    flagged: attempt.entries[q.id]?.flagged ?? false,
    current: index === attempt.current,
  }));
}
