import { describe, expect, it } from 'vitest';
import { emptySchedule, Rating, reviewCard } from './reviewSchedule';
import { selectQuestions } from './selectQuestions';
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
