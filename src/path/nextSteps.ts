import type { LessonMeta } from '../schema/lesson';

/** What the course offers after passing an exercise: its task statement's questions, the next exercise, the next lesson. */
export interface NextSteps {
  task?: string;
  exercise?: { slug: string; title: string };
  lesson?: { slug: string; title: string };
}

interface ExerciseRef {
  slug: string;
  title: string;
  order: number;
  lesson: string;
}

/**
 * After passing `exercise`: the task statement of the lesson that teaches it (to drill its
 * questions), the next exercise in order not passed yet, and the lesson after the exercise's lesson
 * not read yet (or, with every later one read, the first unread one). Pure.
 */
export function nextSteps(
  exercise: string,
  exercises: readonly ExerciseRef[],
  lessons: readonly Pick<LessonMeta, 'slug' | 'title' | 'order' | 'task'>[],
  passed: (slug: string) => boolean,
  read: (slug: string) => boolean,
): NextSteps {
  const me = exercises.find((e) => e.slug === exercise);
  if (!me) return {};
  const byOrder = [...exercises].sort((a, b) => a.order - b.order);
  const after = byOrder.filter((e) => e.order > me.order && !passed(e.slug));
  const nextExercise = after[0] ?? byOrder.find((e) => e.slug !== me.slug && !passed(e.slug));
  const lessonSlug = me.lesson.split('#')[0];
  const course = [...lessons].sort((a, b) => a.order - b.order);
  const mine = course.find((l) => l.slug === lessonSlug);
  const later = course.filter((l) => (mine ? l.order > mine.order : true) && !read(l.slug));
  const nextLesson = later[0] ?? course.find((l) => !read(l.slug) && l.slug !== lessonSlug);
  return {
    task: mine?.task,
    exercise: nextExercise && { slug: nextExercise.slug, title: nextExercise.title },
    lesson: nextLesson && { slug: nextLesson.slug, title: nextLesson.title },
  };
}
