import type { StateCreator } from 'zustand';
import type { Attempt, AttemptMode } from '../quiz/attempt';
import type { ReviewSchedule } from '../quiz/reviewSchedule';
import type { DomainId } from '../schema/dva-c02';
import type { AppState } from './store';

/**
 * The quiz slice: what the learner did in quizzes. Only types come from the engine, so the store
 * (in every page's initial JS) does not pull the engine or ts-fsrs in; the quiz views do the work.
 */

/** One finished attempt, summarised when it was submitted (stable even if the bank changes later). */
export interface AttemptRecord {
  id: string;
  mode: AttemptMode;
  /** "Timed exam", "Practice · Rotation"… */
  label: string;
  startedAt: number;
  submittedAt: number;
  submitReason: 'learner' | 'time-up';
  scaled: number;
  passed: boolean;
  correct: number;
  total: number;
  /** Share right per domain (0..1), for domains the attempt had scored questions in. */
  byDomain: Partial<Record<DomainId, number>>;
  /** The submitted attempt, for the results page. Dropped from old records to bound storage. */
  attempt?: Attempt;
}

/** An attempt in progress: the engine's state (plain JSON) and what to call it. */
export interface ActiveAttempt {
  label: string;
  attempt: Attempt;
}

export interface QuizSlice {
  /** Finished attempts, oldest first. */
  quizHistory: AttemptRecord[];
  /** At most one exam and one practice session in progress; they resume after a reload. */
  quizActive: Partial<Record<AttemptMode, ActiveAttempt>>;
  /** FSRS cards for questions and exercises. */
  reviewSchedule: ReviewSchedule;
  /** The latest outcome of each question answered: the "missed questions" set. */
  questionResults: Record<string, { correct: boolean; at: number }>;
}

/** Results pages keep their detail for this many recent attempts; older ones keep the summary. */
export const DETAILED_ATTEMPTS = 25;
export const MAX_ATTEMPTS = 200;

export function quizDefaults(): QuizSlice {
  return {
    quizHistory: [],
    quizActive: {},
    reviewSchedule: { version: 1, questions: {}, exercises: {} },
    questionResults: {},
  };
}

export const createQuizSlice: StateCreator<AppState, [], [], QuizSlice> = () => quizDefaults();
