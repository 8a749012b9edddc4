/** The quiz engine: pure TypeScript, no React, no DOM, no clock (time comes in as arguments). */

export { apportion } from './apportion';
export {
  type Attempt,
  type AttemptEntry,
  type AttemptMode,
  type AttemptQuestion,
  createAttempt,
  deadlineOf,
  isAnswered,
  type NewAttempt,
  paletteOf,
  remainingMs,
} from './attempt';
export { type Blueprint, type BlueprintDraw, type DomainDraw, drawBlueprint, EXAM_BLUEPRINT } from './drawBlueprint';
export { type RestoredAttempt, restoreAttempt, serializeAttempt } from './persistAttempt';
export { createRandom, hashSeed, type Random } from './random';
export { type AttemptEvent, reduceAttempt } from './reduceAttempt';
export {
  type AnswerSignal,
  DEFAULT_HESITATION_MS,
  emptySchedule,
  gradeAnswer,
  isDue,
  Rating,
  type ReviewKind,
  type ReviewRating,
  type ReviewSchedule,
  recordExercise,
  reviewCard,
  type StoredCard,
} from './reviewSchedule';
export { buildReviewSession, nextDueAt, type ReviewSession, recordAttempt } from './reviewSession';
export { isPass, PASS_RATIO, SCALED_SCORE_EXPLANATION, scaledScore } from './scaledScore';
export {
  type AttemptResult,
  indexQuestions,
  missedQuestionIds,
  type QuestionBank,
  type QuestionOutcome,
  scoreAttempt,
  type Tally,
} from './scoreAttempt';
export { type QuestionSelector, type SelectOptions, selectQuestions } from './selectQuestions';
export { optionOrder, shuffle } from './shuffle';
