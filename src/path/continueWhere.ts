import type { AppState } from '../store/state';

/** The one thing to do next, for "Continue where you left off". */
export interface Continue {
  kind: 'exam' | 'practice' | 'lesson' | 'exercise' | 'start' | 'readiness';
  href: string;
  /** The button: "Continue: Rotation", "Resume your exam". */
  label: string;
  /** Why this, in a line. */
  detail: string;
}

interface LessonRef {
  slug: string;
  title: string;
  order: number;
}
interface ExerciseRef {
  slug: string;
  title: string;
  order: number;
}

type Progress = Pick<AppState, 'lessonsRead' | 'lastLesson' | 'drafts' | 'exerciseProgress' | 'quizActive'>;

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Where the learner left off. An exam in progress comes first (its clock is running). Otherwise the
 * latest thing touched: a practice session, a lesson opened (the next unread one once it is read),
 * an exercise worked on (the next one once it is passed). With nothing touched yet: the first
 * unread lesson; with everything read and passed: the readiness page. Pure.
 */
export function continueWhere(
  state: Progress,
  lessons: readonly LessonRef[],
  exercises: readonly ExerciseRef[],
): Continue {
  const exam = state.quizActive.exam;
  if (exam) {
    const answered = exam.attempt.questions.filter((q) => (exam.attempt.entries[q.id]?.answer.length ?? 0) > 0).length;
    return {
      kind: 'exam',
      href: '/quiz/exam',
      label: 'Resume your exam',
      detail: `${exam.label}: ${answered} of ${exam.attempt.questions.length} answered, the clock is running.`,
    };
  }
  const course = [...lessons].sort((a, b) => a.order - b.order);
  const lab = [...exercises].sort((a, b) => a.order - b.order);
  const isRead = (slug: string) => own(state.lessonsRead, slug) !== undefined;
  const isPassed = (slug: string) => own(state.exerciseProgress, slug)?.passed === true;
  const unreadFrom = (order: number) =>
    course.find((l) => l.order > order && !isRead(l.slug)) ?? course.find((l) => !isRead(l.slug));
  const openFrom = (order: number) =>
    lab.find((e) => e.order > order && !isPassed(e.slug)) ?? lab.find((e) => !isPassed(e.slug));

  // The latest touch of each kind, as [time, suggestion].
  const touches: [number, Continue | undefined][] = [];
  const practice = state.quizActive.practice;
  if (practice)
    touches.push([
      practice.attempt.viewStartedAt,
      {
        kind: 'practice',
        href: '/quiz/practice',
        label: 'Resume practice',
        detail: `${practice.label}: question ${practice.attempt.current + 1} of ${practice.attempt.questions.length}.`,
      },
    ]);
  if (state.lastLesson) {
    const last = course.find((l) => l.slug === state.lastLesson?.slug);
    if (last) {
      const next = isRead(last.slug) ? unreadFrom(last.order) : last;
      touches.push([
        state.lastLesson.at,
        next && lessonStep(next, next === last ? 'You were reading it.' : `After “${last.title}”.`),
      ]);
    }
  }
  for (const e of lab) {
    const progress = own(state.exerciseProgress, e.slug);
    const at = Math.max(progress?.lastRunAt ?? 0, own(state.drafts, e.slug)?.savedAt ?? 0);
    if (at === 0) continue;
    const next = isPassed(e.slug) ? openFrom(e.order) : e;
    touches.push([
      at,
      next && {
        kind: 'exercise',
        href: `/lab/${next.slug}`,
        label: `Continue: ${next.title}`,
        detail: next === e ? 'Your draft is saved.' : `You passed “${e.title}”. Next exercise.`,
      },
    ]);
  }
  const latest = touches.filter((t): t is [number, Continue] => t[1] !== undefined).sort((a, b) => b[0] - a[0])[0];
  if (latest) return latest[1];

  // Lessons read but nothing opened since version 3 kept "the lesson opened last": the next unread one.
  const firstUnread = course.find((l) => !isRead(l.slug));
  if (firstUnread)
    return course.some((l) => isRead(l.slug))
      ? lessonStep(firstUnread, 'The next lesson you have not read.')
      : { ...lessonStep(firstUnread, 'Lesson 1 of the course.'), kind: 'start', label: 'Start the course' };
  const open = lab.find((e) => !isPassed(e.slug));
  if (open)
    return {
      kind: 'exercise',
      href: `/lab/${open.slug}`,
      label: `Continue: ${open.title}`,
      detail: 'Every lesson is read: prove it in the lab.',
    };
  return {
    kind: 'readiness',
    href: '/readiness',
    label: 'See your readiness',
    detail: 'Every lesson read and every exercise passed.',
  };
}

function lessonStep(lesson: LessonRef, detail: string): Continue {
  return { kind: 'lesson', href: `/lessons/${lesson.slug}`, label: `Continue: ${lesson.title}`, detail };
}
