/**
 * How much the store keeps. Every write and every file read is held to these bounds
 * (src/store/schema.ts), so no single item can fill the browser's storage or nest deeper than the
 * code that serializes it can follow. What an id may be is the quiz engine's `keySchema`.
 */
export const LIMITS = {
  /** One exercise draft, in characters (about 2,500 lines of code). */
  draftChars: 100_000,
  /** A whole progress file or saved entry, in characters (localStorage holds about 5 million per site). */
  fileChars: 4_000_000,
  /** Nesting of objects and arrays in a progress file or saved entry (the state itself needs 7). */
  depth: 24,
  /** A label shown to the learner ("Practice · Lesson: Rotation"). */
  labelChars: 200,
  /** Entries in one record (lessons read, exercise results, answers, review cards…). */
  entries: 5_000,
  /** Drafts kept at once. */
  drafts: 500,
} as const;
