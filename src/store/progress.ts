import { type Dict, dict } from './dict';

/** What the learner read. */
export interface ProgressSlice {
  /** Lessons read (scrolled through, their check answered, or marked): slug → epoch ms. */
  lessonsRead: Dict<number>;
  /** The lesson opened last, for "Continue where you left off". */
  lastLesson: { slug: string; at: number } | null;
}

export function progressDefaults(): ProgressSlice {
  return { lessonsRead: dict(), lastLesson: null };
}
