import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { mergeProgress } from '../../src/progress/mergeProgress';
import type { StoredCard } from '../../src/quiz/reviewSchedule';
import type { AttemptRecord } from '../../src/store/quiz';
import { DETAILED_ATTEMPTS, MAX_ATTEMPTS } from '../../src/store/quiz';
import { type AppState, defaultState } from '../../src/store/state';

type ProgressState = AppState;
const defaults: ProgressState = defaultState();
const v3 = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/v3.json'), 'utf8')).saved.state as ProgressState;
const state = (over: Partial<ProgressState>): ProgressState => ({ ...structuredClone(defaults), ...over });
const card = (lastReview: number | null, reps: number): StoredCard => ({
  ...v3.reviewSchedule.questions['rotation-four-steps']!,
  last_review: lastReview,
  reps,
});
const record = (id: string, submittedAt: number, detailed = true): AttemptRecord => {
  const base = v3.quizHistory.find((r) => r.attempt)!;
  return { ...base, id, submittedAt, attempt: detailed ? base.attempt : undefined };
};

test('into an empty browser everything is taken, and the report counts it', () => {
  // Act
  const { state: merged, report } = mergeProgress(state({}), v3, defaults);
  // Assess: the v3 file predates the editor/results split, which stays at this browser's (default).
  expect(merged).toEqual({ ...v3, resultsShare: defaults.resultsShare });
  expect(report).toEqual({ lessons: 2, drafts: 1, exercises: 1, attempts: 3, cards: 3, answers: 3 });
});

test('importing the same file twice changes nothing the second time', () => {
  const once = mergeProgress(state({}), v3, defaults).state;
  const twice = mergeProgress(once, v3, defaults);
  expect(twice.state).toEqual(once);
  expect(twice.report).toEqual({ lessons: 0, drafts: 0, exercises: 0, attempts: 0, cards: 0, answers: 0 });
});

test('each lesson, draft and answer keeps its newest version, whichever side it is on', () => {
  // Prepare
  const local = state({
    lessonsRead: { rotation: 500, iam: 10 },
    drafts: { a: { code: 'local newer', savedAt: 200 }, b: { code: 'local older', savedAt: 100 } },
    questionResults: { q1: { correct: false, at: 300 }, q2: { correct: true, at: 100 } },
  });
  const incoming = {
    lessonsRead: { rotation: 100, caching: 50 },
    drafts: { a: { code: 'file older', savedAt: 150 }, b: { code: 'file newer', savedAt: 400 } },
    questionResults: { q1: { correct: true, at: 200 }, q2: { correct: false, at: 200 } },
  };
  // Act
  const { state: merged, report } = mergeProgress(local, incoming, defaults);
  // Assess
  expect(merged.lessonsRead).toEqual({ rotation: 500, iam: 10, caching: 50 });
  expect(merged.drafts).toEqual({ a: { code: 'local newer', savedAt: 200 }, b: { code: 'file newer', savedAt: 400 } });
  expect(merged.questionResults).toEqual({ q1: { correct: false, at: 300 }, q2: { correct: false, at: 200 } });
  expect(report).toMatchObject({ lessons: 1, drafts: 1, answers: 1 });
});

test('an exercise keeps its latest run, but a pass anywhere stays a pass and attempts never go down', () => {
  const local = state({
    exerciseProgress: { ex: { attempts: 5, passed: false, lastRunAt: 900 } },
    solutionsShown: { ex: true },
  });
  const incoming = {
    exerciseProgress: { ex: { attempts: 2, passed: true, firstPassAt: 300, lastRunAt: 400 } },
    solutionsShown: { other: true as const },
  };
  const { state: merged, report } = mergeProgress(local, incoming, defaults);
  expect(merged.exerciseProgress.ex).toEqual({ attempts: 5, passed: true, firstPassAt: 300, lastRunAt: 900 });
  expect(merged.solutionsShown).toEqual({ ex: true, other: true });
  expect(report.exercises).toBe(1);
});

test('quiz history is a union by id in submission order, bounded and trimmed as the quiz does', () => {
  const local = state({ quizHistory: [record('a', 100), record('c', 300, false)] });
  const incoming = { quizHistory: [record('b', 200), record('c', 300, true)] };
  const { state: merged, report } = mergeProgress(local, incoming, defaults);
  expect(merged.quizHistory.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  expect(merged.quizHistory[2]?.attempt, 'the detailed copy wins').toBeDefined();
  expect(report.attempts).toBe(1);

  const many = Array.from({ length: MAX_ATTEMPTS + 10 }, (_, i) => record(`r${i}`, 1000 + i));
  const bounded = mergeProgress(state({}), { quizHistory: many }, defaults).state.quizHistory;
  expect(bounded).toHaveLength(MAX_ATTEMPTS);
  expect(bounded[0]?.id).toBe('r10');
  expect(bounded.filter((r) => r.attempt)).toHaveLength(DETAILED_ATTEMPTS);
  expect(bounded.at(-1)?.attempt).toBeDefined();
});

test('an attempt in progress: the later-started one wins, and one already finished on the other side is dropped', () => {
  const exam = v3.quizActive.exam!;
  const older = { ...exam, attempt: { ...exam.attempt, id: 'exam-old', startedAt: exam.attempt.startedAt - 1000 } };
  expect(
    mergeProgress(state({ quizActive: { exam: older } }), { quizActive: { exam } }, defaults).state.quizActive.exam,
  ).toEqual(exam);
  expect(
    mergeProgress(state({ quizActive: { exam } }), { quizActive: { exam: older } }, defaults).state.quizActive.exam,
  ).toEqual(exam);
  const finishedThere = { quizHistory: [{ ...record('exam-m2-def456', 2_000_000_000_000), mode: 'exam' as const }] };
  expect(mergeProgress(state({ quizActive: { exam } }), finishedThere, defaults).state.quizActive).toEqual({});
});

test('each review card keeps the one reviewed last (more reviews on a tie)', () => {
  const local = state({
    reviewSchedule: { version: 1, questions: { q1: card(500, 3), q2: card(100, 1), q3: card(200, 1) }, exercises: {} },
  });
  const incoming = {
    reviewSchedule: {
      version: 1 as const,
      questions: { q1: card(400, 9), q2: card(300, 2), q3: card(200, 2) },
      exercises: { ex: card(null, 0) },
    },
  };
  const { state: merged, report } = mergeProgress(local, incoming, defaults);
  expect(merged.reviewSchedule.questions.q1?.reps).toBe(3);
  expect(merged.reviewSchedule.questions.q2?.reps).toBe(2);
  expect(merged.reviewSchedule.questions.q3?.reps).toBe(2);
  expect(merged.reviewSchedule.exercises.ex).toEqual(card(null, 0));
  expect(report.cards).toBe(3);
});

test("settings: this browser's choice stays, unless it still has the defaults", () => {
  const chosen = state({
    theme: 'light',
    editor: { accessibility: false, tabMovesFocus: true, fontSize: 18 },
    resultsShare: 60,
  });
  expect(mergeProgress(chosen, { theme: 'dark', editor: v3.editor, resultsShare: 20 }, defaults).state).toMatchObject({
    theme: 'light',
    editor: chosen.editor,
    resultsShare: 60,
  });
  expect(
    mergeProgress(state({}), { theme: 'dark', editor: v3.editor, resultsShare: 20 }, defaults).state,
  ).toMatchObject({
    theme: 'dark',
    editor: v3.editor,
    resultsShare: 20,
  });
  // A file from before the split keeps this browser's.
  expect(mergeProgress(chosen, { theme: 'dark' }, defaults).state.resultsShare).toBe(60);
});

test('keys are read as own properties: a key named like an inherited property is a new item, not a merge with Object', () => {
  // The schema refuses such keys in files; the merge does not rely on it.
  const theirs = { attempts: 2, passed: true, firstPassAt: 5, lastRunAt: 6 };
  const incoming = JSON.parse(
    JSON.stringify({ exerciseProgress: { constructor: theirs }, lessonsRead: { toString: 7 } }),
  ) as Partial<ProgressState>;
  const { state: merged, report } = mergeProgress(state({}), incoming, defaults);
  expect(Object.getOwnPropertyDescriptor(merged.exerciseProgress, 'constructor')?.value).toEqual(theirs);
  expect(Object.getOwnPropertyDescriptor(merged.lessonsRead, 'toString')?.value).toBe(7);
  expect(report).toMatchObject({ exercises: 1, lessons: 1 });
  expect(JSON.parse(JSON.stringify(merged)).exerciseProgress.constructor.attempts).toBe(2);
});

test('the lesson opened last is the later one', () => {
  const local = state({ lastLesson: { slug: 'rotation', at: 100 } });
  expect(mergeProgress(local, { lastLesson: { slug: 'caching', at: 200 } }, defaults).state.lastLesson).toEqual({
    slug: 'caching',
    at: 200,
  });
  expect(mergeProgress(local, { lastLesson: { slug: 'caching', at: 50 } }, defaults).state.lastLesson).toEqual({
    slug: 'rotation',
    at: 100,
  });
});
