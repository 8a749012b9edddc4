import { z } from 'zod';
import { attemptSchema } from '../quiz/attemptSchema';
import { keySchema } from '../quiz/keys';
import { dict } from './dict';
import { RESULTS_SHARE } from './lab';
import { LIMITS } from './limits';
import { MAX_ATTEMPTS } from './quiz';
import type { AppState } from './state';

/**
 * The store's state as it is saved, checked on every way in: each action's write (`write.ts`),
 * loading from localStorage (`store.ts`), and an imported progress file (`src/progress/`).
 * Objects are strict (a field this version does not know is an `unrecognized_keys` issue, which
 * `parseDroppingUnknown` removes and names), record keys are ids (`keySchema`), and every string,
 * array and record is bounded. Records come out as prototype-free dictionaries (`dict.ts`).
 */

const epochMs = z.number().finite().nonnegative();
const count = z.number().int().nonnegative().max(1_000_000_000);

function record<T extends z.ZodType>(value: T, max: number = LIMITS.entries) {
  return z
    .record(keySchema, value)
    .refine((r) => Object.keys(r).length <= max, `at most ${max.toLocaleString('en')} entries`)
    .transform((r) => dict(Object.entries(r) as [string, z.output<T>][]));
}

const card = z.strictObject({
  due: epochMs,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsed_days: z.number().finite(),
  scheduled_days: z.number().finite(),
  learning_steps: z.number().finite(),
  reps: count,
  lapses: count,
  state: z.number().int().min(0).max(3),
  last_review: epochMs.nullable(),
});

const kind = z.enum(['practice', 'full', 'short', 'custom']);
const label = z.string().max(LIMITS.labelChars);

const attemptRecord = z.strictObject({
  id: keySchema,
  mode: z.enum(['practice', 'exam']),
  kind,
  label,
  startedAt: epochMs,
  submittedAt: epochMs,
  submitReason: z.enum(['learner', 'time-up']),
  total: count,
  answered: count.nullable(),
  correct: count,
  scaled: z.number().int().min(100).max(1000).optional(),
  passed: z.boolean().optional(),
  byDomain: z.partialRecord(z.enum(['1', '2', '3', '4']), z.number().finite().min(0).max(1)),
  attempt: attemptSchema.optional(),
});

const active = z.strictObject({ label, kind, focus: z.boolean(), attempt: attemptSchema });

const draftCode = z.string().max(LIMITS.draftChars, {
  error: (issue) =>
    `a draft holds at most ${LIMITS.draftChars.toLocaleString('en')} characters; this one has ${String(issue.input).length.toLocaleString('en')}`,
});

/** One schema per field of the state: a write is checked field by field. */
export const fieldSchemas = {
  lessonsRead: record(epochMs),
  lastLesson: z.strictObject({ slug: keySchema, at: epochMs }).nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  drafts: record(z.strictObject({ code: draftCode, savedAt: epochMs }), LIMITS.drafts),
  exerciseProgress: record(
    z.strictObject({
      attempts: count,
      passed: z.boolean(),
      firstPassAt: epochMs.optional(),
      lastRunAt: epochMs.optional(),
    }),
  ),
  solutionsShown: record(z.literal(true)),
  editor: z.strictObject({
    accessibility: z.boolean(),
    tabMovesFocus: z.boolean(),
    fontSize: z.number().int().min(8).max(40),
  }),
  resultsShare: z.number().int().min(RESULTS_SHARE.min).max(RESULTS_SHARE.max),
  quizHistory: z.array(attemptRecord).max(MAX_ATTEMPTS),
  quizActive: z.strictObject({ practice: active.optional(), exam: active.optional() }),
  reviewSchedule: z.strictObject({ version: z.literal(1), questions: record(card), exercises: record(card) }),
  questionResults: record(z.strictObject({ correct: z.boolean(), at: epochMs })),
} satisfies Record<keyof AppState, z.ZodType>;

export type Field = keyof typeof fieldSchemas;
export const FIELDS = Object.keys(fieldSchemas) as Field[];

/** The whole state (what the store saves). */
export const stateSchema = z.strictObject(fieldSchemas);
/** A progress file's state once migrated: any field may be missing (older files lack later slices). */
export const partialStateSchema = stateSchema.partial();

export type Parsed<T> = { ok: true; value: T; dropped: string[] } | { ok: false; path: string; message: string };

/**
 * Parses `input` with a strict schema; fields it does not know are removed from `input` (which is
 * consumed: pass a value freshly parsed from JSON) and named in `dropped`, and the parse is
 * retried. Any other problem fails with the first issue's path and message.
 */
export function parseDroppingUnknown<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): Parsed<z.output<S>> {
  const dropped: string[] = [];
  for (let round = 0; round < 8; round++) {
    const result = schema.safeParse(input);
    if (result.success) return { ok: true, value: result.data, dropped };
    const unknown = result.error.issues.filter((i) => i.code === 'unrecognized_keys');
    const other = result.error.issues.find((i) => i.code !== 'unrecognized_keys');
    if (other || unknown.length === 0) return failure(other ?? result.error.issues[0], prefix);
    for (const issue of unknown) {
      const holder = at(input, issue.path);
      for (const key of issue.keys) {
        if (holder && typeof holder === 'object') delete (holder as Record<string, unknown>)[key];
        dropped.push(pathText([...prefix, ...issue.path, key]));
      }
    }
  }
  return { ok: false, path: pathText(prefix), message: 'too many unknown fields' };
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path)
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}

function failure(issue: z.core.$ZodIssue | undefined, prefix: readonly PropertyKey[]): Parsed<never> {
  const path = pathText([...prefix, ...(issue?.path ?? [])]);
  // A bad record key reports "Invalid key in record"; the key's own issue says why.
  const inner = issue?.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  return { ok: false, path, message: inner ?? issue?.message ?? 'unreadable' };
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
