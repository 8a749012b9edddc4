import { z } from 'zod';
import type { Attempt } from '../quiz/attempt';
import { restoreAttempt } from '../quiz/persistAttempt';
import type { AppState } from '../store/store';

/**
 * What a progress file's `state` must look like once migrated to the current schema version: the
 * store's persisted slices. Every field is optional (a file migrated from an older version lacks
 * later slices; those keep what this browser has), and unknown fields pass through untouched.
 */

const epochMs = z.number().finite().nonnegative();
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/** A quiz attempt is checked by the quiz engine's own restore, the same check a reload makes. */
const attempt = z.custom<Attempt>((value) => {
  try {
    return restoreAttempt(value, 0).ok;
  } catch {
    return false;
  }
}, 'not a readable quiz attempt');

const card = z.object({
  due: epochMs,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsed_days: z.number().finite(),
  scheduled_days: z.number().finite(),
  learning_steps: z.number().finite(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.number().int().min(0).max(3),
  last_review: epochMs.nullable(),
});

const attemptRecord = z.looseObject({
  id: z.string().min(1),
  mode: z.enum(['practice', 'exam']),
  label: z.string(),
  startedAt: epochMs,
  submittedAt: epochMs,
  submitReason: z.enum(['learner', 'time-up']),
  scaled: z.number().finite(),
  passed: z.boolean(),
  correct: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  byDomain: record(z.number().finite()),
  attempt: attempt.optional(),
});

export const progressStateSchema = z.looseObject({
  lessonsRead: record(epochMs).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  drafts: record(z.object({ code: z.string(), savedAt: epochMs })).optional(),
  exerciseProgress: record(
    z.object({
      attempts: z.number().int().nonnegative(),
      passed: z.boolean(),
      firstPassAt: epochMs.optional(),
      lastRunAt: epochMs.optional(),
    }),
  ).optional(),
  solutionsShown: record(z.literal(true)).optional(),
  editor: z
    .object({ accessibility: z.boolean(), tabMovesFocus: z.boolean(), fontSize: z.number().min(8).max(40) })
    .optional(),
  quizHistory: z.array(attemptRecord).optional(),
  quizActive: z
    .object({
      practice: z.object({ label: z.string(), attempt }).optional(),
      exam: z.object({ label: z.string(), attempt }).optional(),
    })
    .optional(),
  reviewSchedule: z.object({ version: z.literal(1), questions: record(card), exercises: record(card) }).optional(),
  questionResults: record(z.object({ correct: z.boolean(), at: epochMs })).optional(),
});

/**
 * The persisted part of the store. The schema above checks the same shape at run time; its
 * inferred type is wider in two places JSON cannot express (domain ids as string keys, FSRS's
 * State enum as a number), hence the cast where a parsed file becomes state.
 */
export type ProgressState = AppState;
/** A parsed file's state: any slice may be missing; fields this version does not know pass through. */
export type IncomingProgress = Partial<ProgressState>;
