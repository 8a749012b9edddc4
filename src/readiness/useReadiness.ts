import { useMemo } from 'react';
import { exerciseList } from '../course/exercises';
import { course, findLesson } from '../course/lessons';
import { bank } from '../course/questions';
import { computeReadiness, type Readiness } from '../quiz/readiness';
import { useAppStore } from '../store/store';

/** The course as readiness sees it: each lesson's task, each exercise's (its lesson's) task. */
const lessons = course.map((l) => ({ slug: l.slug, task: l.task }));
const exercises = exerciseList.flatMap((e) => {
  const lesson = findLesson(e.lesson.split('#')[0] ?? '');
  return lesson ? [{ slug: e.slug, task: lesson.task }] : [];
});

/** Readiness from the store at `now` (the page passes one time, so its numbers agree with each other). */
export function useReadiness(now: number): Readiness {
  const lessonsRead = useAppStore((s) => s.lessonsRead);
  const exerciseProgress = useAppStore((s) => s.exerciseProgress);
  const answers = useAppStore((s) => s.questionResults);
  const cards = useAppStore((s) => s.reviewSchedule.questions);
  return useMemo(
    () => computeReadiness({ questions: bank, lessons, exercises, lessonsRead, exerciseProgress, answers, cards, now }),
    [lessonsRead, exerciseProgress, answers, cards, now],
  );
}
