import { z } from 'zod';
import { QUESTION_TYPES } from '../schema/questionTypes';
import { keySchema } from './keys';

/**
 * An `Attempt` as it is saved (the store) and read back (a reload, an imported progress file):
 * strict, keys checked, sizes bounded. `restoreAttempt` and the store's schema both use it.
 */
export const ATTEMPT_LIMITS = { questions: 200, options: 12, seedChars: 200 } as const;

const epochMs = z.number().finite().nonnegative();

const entrySchema = z.strictObject({
  answer: z.array(keySchema).max(ATTEMPT_LIMITS.options),
  flagged: z.boolean(),
  timeMs: z.number().finite().nonnegative(),
  answerTimeMs: z.number().finite().nonnegative().nullable(),
  changes: z.number().int().nonnegative(),
  checked: z.boolean(),
});

const questionSchema = z.strictObject({
  id: keySchema,
  type: z.enum(QUESTION_TYPES),
  pick: z.number().int().positive().max(ATTEMPT_LIMITS.options),
  options: z.array(keySchema).max(ATTEMPT_LIMITS.options),
});

export const attemptSchema = z
  .strictObject({
    version: z.literal(1),
    id: keySchema,
    mode: z.enum(['practice', 'exam']),
    seed: z.string().max(ATTEMPT_LIMITS.seedChars),
    questions: z.array(questionSchema).max(ATTEMPT_LIMITS.questions),
    unscoredIds: z.array(keySchema).max(ATTEMPT_LIMITS.questions),
    startedAt: epochMs,
    timeLimitMs: z.number().finite().positive().nullable(),
    status: z.enum(['active', 'submitted']),
    submittedAt: epochMs.nullable(),
    submitReason: z.enum(['learner', 'time-up']).nullable(),
    current: z.number().int().nonnegative(),
    viewStartedAt: epochMs,
    entries: z.record(keySchema, entrySchema),
  })
  .superRefine((attempt, ctx) => {
    const missing = attempt.questions.find((q) => !Object.hasOwn(attempt.entries, q.id));
    if (missing) ctx.addIssue({ code: 'custom', path: ['entries'], message: `question "${missing.id}" has no entry` });
  });
