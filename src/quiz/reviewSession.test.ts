import { describe, expect, it } from 'vitest';
import { createAttempt } from './attempt';
import { reduceAttempt } from './reduceAttempt';
import { emptySchedule, Rating, recordExercise, reviewCard } from './reviewSchedule';
import { buildReviewSession, nextDueAt, recordAttempt } from './reviewSession';
import { indexQuestions, scoreAttempt } from './scoreAttempt';
import { makeQuestion } from './testing';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const DAY = 86_400_000;

describe('recordAttempt', () => {
  it('updates the card of every answered question and only those', () => {
    const questions = [makeQuestion('right'), makeQuestion('wrong'), makeQuestion('skipped'), makeQuestion('changed')];
    let a = createAttempt({ id: 'a', mode: 'exam', questions, seed: 's', now: NOW, keepOrder: true });
    a = reduceAttempt(a, { type: 'answer', questionId: 'right', answer: ['a'], at: NOW + 1_000 });
    a = reduceAttempt(a, { type: 'answer', questionId: 'wrong', answer: ['b'], at: NOW + 2_000 });
    a = reduceAttempt(a, { type: 'answer', questionId: 'changed', answer: ['b'], at: NOW + 3_000 });
    a = reduceAttempt(a, { type: 'answer', questionId: 'changed', answer: ['a'], at: NOW + 4_000 });
    a = reduceAttempt(a, { type: 'submit', at: NOW + 5_000 });
    const s = recordAttempt(emptySchedule(), scoreAttempt(a, indexQuestions(questions)), NOW + 5_000);
    expect(Object.keys(s.questions).sort()).toEqual(['changed', 'right', 'wrong']);
    const good = reviewCard(emptySchedule(), 'questions', 'x', Rating.Good, NOW + 5_000).questions.x!;
    const hard = reviewCard(emptySchedule(), 'questions', 'x', Rating.Hard, NOW + 5_000).questions.x!;
    const again = reviewCard(emptySchedule(), 'questions', 'x', Rating.Again, NOW + 5_000).questions.x!;
    expect(s.questions.right).toEqual(good);
    expect(s.questions.changed).toEqual(hard);
    expect(s.questions.wrong).toEqual(again);
  });
});

describe('buildReviewSession', () => {
  it('holds the due cards only, most overdue first, and drops questions gone from the bank', () => {
    let s = emptySchedule();
    s = reviewCard(s, 'questions', 'late', Rating.Again, NOW - 3 * DAY);
    s = reviewCard(s, 'questions', 'later', Rating.Again, NOW - 2 * DAY);
    s = reviewCard(s, 'questions', 'gone', Rating.Again, NOW - 2 * DAY);
    s = reviewCard(s, 'questions', 'fresh', Rating.Good, NOW);
    s = recordExercise(s, 'ttl-cache', false, NOW - DAY);
    const bank = indexQuestions(['late', 'later', 'fresh'].map((id) => makeQuestion(id)));
    const session = buildReviewSession(s, bank, NOW);
    expect(session).toEqual({ questionIds: ['late', 'later'], exerciseIds: ['ttl-cache'], dueCount: 3 });
    expect(buildReviewSession(s, bank, NOW, 1).questionIds).toEqual(['late']);
    expect(nextDueAt(s, NOW)).toBe(s.questions.fresh?.due);
  });

  it('is empty when nothing is due', () => {
    expect(buildReviewSession(emptySchedule(), new Map(), NOW)).toEqual({
      questionIds: [],
      exerciseIds: [],
      dueCount: 0,
    });
    expect(nextDueAt(emptySchedule(), NOW)).toBeNull();
  });
});
