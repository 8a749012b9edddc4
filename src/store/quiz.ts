import type { Attempt, AttemptKind, AttemptMode } from '../quiz/attempt';
import type { ReviewSchedule } from '../quiz/reviewSchedule';
import type { DomainId } from '../schema/dva-c02';
import { type Dict, dict } from './dict';

/**
 * The quiz slice: what the learner did in quizzes. Only types come from the engine, so the store
 * (in every page's initial JS) does not pull the engine or ts-fsrs in; the quiz views do the work.
 */

export type { AttemptKind };

/** One finished attempt, summarised when it was submitted (stable even if the bank changes later). */
export interface AttemptRecord {
  id: string;
  mode: AttemptMode;
  kind: AttemptKind;
  /** "Full exam", "Practice · Rotation"… */
  label: string;
  startedAt: number;
  submittedAt: number;
  submitReason: 'learner' | 'time-up';
  /** Questions that count: every question of a practice session, an exam's scored ones. */
  total: number;
  /** How many of them had an answer; null in summaries saved before this was kept. */
  answered: number | null;
  /** How many of them were answered right (an unanswered question never is). */
  correct: number;
  /** Full and custom exams only: the scaled score, 100–1000, and whether it reaches 720. */
  scaled?: number;
  passed?: boolean;
  /** Share right per domain (0..1), for domains the attempt had counted questions in. */
  byDomain: Partial<Record<DomainId, number>>;
  /** The submitted attempt, for the results page. Dropped from old records to bound storage. */
  attempt?: Attempt;
}

/** An attempt in progress: the engine's state (plain JSON), what to call it, and how it was set up. */
export interface ActiveAttempt {
  label: string;
  kind: AttemptKind;
  /** Exams: hide the course outline and the top bar's navigation while it runs. */
  focus: boolean;
  attempt: Attempt;
}

/** The latest outcome of a question the learner answered (unanswered questions are never recorded). */
export interface QuestionResult {
  correct: boolean;
  at: number;
}

export interface QuizSlice {
  /** Finished attempts, oldest first. */
  quizHistory: AttemptRecord[];
  /** At most one exam and one practice session in progress; they resume after a reload. */
  quizActive: Partial<Record<AttemptMode, ActiveAttempt>>;
  /** FSRS cards for questions and exercises. */
  reviewSchedule: ReviewSchedule;
  /** The latest outcome of each question answered: attempted, right, and the "missed questions" set. */
  questionResults: Dict<QuestionResult>;
}

/** Results pages keep their detail for this many recent attempts; older ones keep the summary. */
export const DETAILED_ATTEMPTS = 25;
export const MAX_ATTEMPTS = 200;

export function quizDefaults(): QuizSlice {
  return {
    quizHistory: [],
    quizActive: {},
    reviewSchedule: { version: 1, questions: dict(), exercises: dict() },
    questionResults: dict(),
  };
}
