/**
 * Warnings about how content hangs together: things a learner can live with but an author should
 * see. Errors stop the build, so whatever the app shows is valid; these are the rest. Pure: the
 * instructor page computes them in the browser, `npm run content:check` in Node, from the same data.
 */
export interface StatusInput {
  lessons: readonly { slug: string }[];
  questions: readonly { id: string; lesson: string; exercise?: string | undefined }[];
  exercises: readonly { slug: string }[];
}

export interface ContentStatus {
  /** Warnings per lesson slug, question id and exercise slug (an empty list: valid). */
  lessons: Record<string, string[]>;
  questions: Record<string, string[]>;
  exercises: Record<string, string[]>;
}

export const WARNINGS = {
  lessonWithoutQuestions: 'No quiz question links to this lesson: add one with `lesson: <slug>#<heading>`.',
  exerciseWithoutQuestions: 'No quiz question names this exercise in its `exercise` field.',
  questionWithoutAnchor: 'The `lesson` link has no #heading-anchor: point it at the section that teaches the answer.',
} as const;

export function contentStatus({ lessons, questions, exercises }: StatusInput): ContentStatus {
  const linkedLessons = new Set(questions.map((q) => q.lesson.split('#')[0]));
  const linkedExercises = new Set(questions.flatMap((q) => (q.exercise ? [q.exercise] : [])));
  return {
    lessons: Object.fromEntries(
      lessons.map((l) => [l.slug, linkedLessons.has(l.slug) ? [] : [WARNINGS.lessonWithoutQuestions]]),
    ),
    questions: Object.fromEntries(
      questions.map((q) => [q.id, q.lesson.includes('#') ? [] : [WARNINGS.questionWithoutAnchor]]),
    ),
    exercises: Object.fromEntries(
      exercises.map((e) => [e.slug, linkedExercises.has(e.slug) ? [] : [WARNINGS.exerciseWithoutQuestions]]),
    ),
  };
}
