import { describe, expect, it } from 'vitest';
import { emptySchedule, Rating, reviewCard } from './reviewSchedule';
import { lessonCheck, selectQuestions, weakestFirst } from './selectQuestions';
import { makeQuestion } from './testing';

const bank = [
  { ...makeQuestion('a', 'single', 2, '2.3'), lesson: 'rotation#the-four-steps' },
  { ...makeQuestion('b', 'multiple', 2, '2.2'), lesson: 'rotation' },
  { ...makeQuestion('c', 'ordering', 1, '1.2'), lesson: 'rotation#order' },
  { ...makeQuestion('d', 'single', 4, '4.3'), lesson: 'caching' },
];
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

describe('selectQuestions', () => {
  it('selects by lesson slug whatever the anchor', () => {
    expect(ids(selectQuestions(bank, { by: 'lesson', lesson: 'rotation' }))).toEqual(['a', 'b', 'c']);
    expect(ids(selectQuestions(bank, { by: 'lesson', lesson: 'caching#ttl' }))).toEqual(['d']);
  });

  it('selects by domain and by task statement', () => {
    expect(ids(selectQuestions(bank, { by: 'domain', domain: 2 }))).toEqual(['a', 'b']);
    expect(ids(selectQuestions(bank, { by: 'task', task: '4.3' }))).toEqual(['d']);
  });

  it('selects missed questions by id, in the given order, skipping unknown ids', () => {
    expect(ids(selectQuestions(bank, { by: 'ids', ids: ['d', 'zz', 'a', 'd'] }))).toEqual(['d', 'a']);
  });

  it('selects the questions due for review', () => {
    const now = Date.UTC(2026, 0, 10);
    let s = reviewCard(emptySchedule(), 'questions', 'b', Rating.Again, now - 86_400_000);
    s = reviewCard(s, 'questions', 'a', Rating.Good, now);
    expect(ids(selectQuestions(bank, { by: 'due', schedule: s, now }))).toEqual(['b']);
  });

  it('filters by type and samples a seeded subset, keeping the bank order', () => {
    expect(ids(selectQuestions(bank, { by: 'all' }, { types: ['single', 'multiple'] }))).toEqual(['a', 'b', 'd']);
    const sample = selectQuestions(bank, { by: 'all' }, { limit: 2, seed: 'x' });
    expect(sample).toHaveLength(2);
    expect(selectQuestions(bank, { by: 'all' }, { limit: 2, seed: 'x' })).toEqual(sample);
    expect(ids(selectQuestions(bank, { by: 'all' }, { limit: 2 }))).toEqual(['a', 'b']);
  });
});

describe('weakestFirst', () => {
  it('puts unanswered first, then wrong, then right answered longest ago', () => {
    const qs = ['a', 'b', 'c', 'd', 'e'].map((id) => makeQuestion(id));
    const order = weakestFirst(qs, {
      a: { correct: true, at: 300 },
      b: { correct: false, at: 100 },
      d: { correct: true, at: 200 },
      constructor: { correct: true, at: 1 },
    });
    expect(order.map((q) => q.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});

describe('lessonCheck', () => {
  it("takes up to five of the lesson's own questions, those not yet right first, in teaching order", () => {
    const qs = Array.from({ length: 7 }, (_, i) => ({
      ...makeQuestion(`q${i}`),
      lesson: i < 6 ? 'rotation#x' : 'caching',
    }));
    const results = { q0: { correct: true, at: 1 }, q1: { correct: false, at: 2 } };
    expect(lessonCheck(qs, 'rotation', results).map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(lessonCheck(qs, 'rotation', {}, 3).map((q) => q.id)).toEqual(['q0', 'q1', 'q2']);
    expect(lessonCheck(qs, 'iam', {})).toEqual([]);
  });
});
