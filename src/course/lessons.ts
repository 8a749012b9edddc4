import { lessons, loaders } from 'virtual:course';
import type { LessonMeta } from '../schema/lesson';

/** The course outline, in order. Built from `content/lessons/` at build time. */
export const course: readonly LessonMeta[] = lessons;

export function findLesson(slug: string): LessonMeta | undefined {
  return course.find((l) => l.slug === slug);
}

/**
 * A lesson's number as a learner sees it: its place in the course, 1 to N. (The `order` field only
 * sorts: authors leave gaps in it to slot lessons in, so it jumps.)
 */
export function lessonNumber(slug: string): number {
  return course.findIndex((l) => l.slug === slug) + 1;
}

export function neighbours(slug: string): { prev?: LessonMeta; next?: LessonMeta } {
  const i = course.findIndex((l) => l.slug === slug);
  return { prev: i > 0 ? course[i - 1] : undefined, next: i >= 0 ? course[i + 1] : undefined };
}

export async function loadLessonHtml(slug: string): Promise<string> {
  const loader = loaders[slug];
  if (!loader) throw new Error(`No lesson "${slug}"`);
  return (await loader()).default.html;
}
