import { describe, expect, it } from 'vitest';
import { type Attempt, createAttempt } from './attempt';
import { reduceAttempt } from './reduceAttempt';
import { indexQuestions, missedQuestionIds, scoreAttempt, unansweredQuestionIds } from './scoreAttempt';
import { makeQuestion } from './testing';

const T0 = 1_800_000_000_000;
// Keys (see testing.ts): single → a; multiple → b and d; ordering → a, b, c, d.
const single = makeQuestion('s1', 'single', 1, '1.1');
const single2 = makeQuestion('s2', 'single', 2, '2.3');
const multiple = makeQuestion('m1', 'multiple', 2, '2.1');
const ordering = makeQuestion('o1', 'ordering', 1, '1.2');
const bank = indexQuestions([single, single2, multiple, ordering]);

function attemptWith(
  mode: 'exam' | 'practice',
  answers: Record<string, string[]>,
  unscoredIds: string[] = [],
): Attempt {
  let a = createAttempt({
    id: 'a',
    mode,
    questions: [single, single2, multiple, ordering],
    seed: 's',
    now: T0,
    keepOrder: true,
    unscoredIds,
  });
  for (const [questionId, answer] of Object.entries(answers))
    a = reduceAttempt(a, { type: 'answer', questionId, answer, at: T0 + 1 });
  return reduceAttempt(a, { type: 'submit', at: T0 + 120_000 });
}

describe('scoreAttempt', () => {
  it('scores a single-answer question right or wrong', () => {
    const r = scoreAttempt(attemptWith('exam', { s1: ['a'], s2: ['b'] }), bank);
    expect(r.outcomes.find((o) => o.id === 's1')).toMatchObject({ correct: true, credit: 1, key: ['a'] });
    expect(r.outcomes.find((o) => o.id === 's2')).toMatchObject({ correct: false, credit: 0, answered: true });
  });

  it('scores multiple response all-or-nothing', () => {
    const both = scoreAttempt(attemptWith('exam', { m1: ['b', 'd'] }), bank);
    const half = scoreAttempt(attemptWith('exam', { m1: ['b', 'c'] }), bank);
    const extra = scoreAttempt(attemptWith('exam', { m1: ['b', 'd', 'e'] }), bank);
    expect(both.outcomes.find((o) => o.id === 'm1')?.correct).toBe(true);
    expect(half.outcomes.find((o) => o.id === 'm1')).toMatchObject({ correct: false, credit: 0 });
    expect(extra.outcomes.find((o) => o.id === 'm1')?.correct).toBe(false);
  });

  it('counts an unanswered question as wrong', () => {
    const r = scoreAttempt(attemptWith('exam', {}), bank);
    expect(r.raw).toEqual({ correct: 0, points: 0, total: 4, ratio: 0 });
    expect(r.outcomes.every((o) => !o.answered && !o.correct)).toBe(true);
    expect(r.scaled).toBe(100);
  });

  it('scores ordering all-or-nothing in an exam and with partial credit in practice', () => {
    const swapped = { o1: ['a', 'b', 'd', 'c'] };
    const exam = scoreAttempt(attemptWith('exam', swapped), bank).outcomes.find((o) => o.id === 'o1');
    const practice = scoreAttempt(attemptWith('practice', swapped), bank).outcomes.find((o) => o.id === 'o1');
    expect(exam).toMatchObject({ correct: false, credit: 0 });
    expect(practice).toMatchObject({ correct: false, credit: 0.5 });
    const right = scoreAttempt(attemptWith('exam', { o1: ['a', 'b', 'c', 'd'] }), bank);
    expect(right.outcomes.find((o) => o.id === 'o1')).toMatchObject({ correct: true, credit: 1 });
  });

  it('leaves unscored questions out of raw, domain and task results', () => {
    const r = scoreAttempt(attemptWith('exam', { s1: ['a'], s2: ['a'], m1: ['b', 'd'] }, ['s1']), bank);
    expect(r.raw).toMatchObject({ correct: 2, total: 3 });
    expect(r.byDomain[1]).toMatchObject({ correct: 0, total: 1 });
    expect(r.byDomain[2]).toMatchObject({ correct: 2, total: 2, ratio: 1 });
    expect(r.byDomain[3]).toEqual({ correct: 0, points: 0, total: 0, ratio: 0 });
    expect(Object.keys(r.byTask)).toEqual(['1.2', '2.1', '2.3']);
    expect(r.outcomes.find((o) => o.id === 's1')?.scored).toBe(false);
  });

  it('reports pass/fail from the scaled score, the duration and the misses', () => {
    const r = scoreAttempt(attemptWith('exam', { s1: ['a'], s2: ['a'], m1: ['b', 'd'] }), bank);
    expect(r.raw.ratio).toBe(0.75);
    expect(r.scaled).toBe(750); // 720 + 280 × (75 − 72) / 28
    expect(r.passed).toBe(true);
    expect(r.durationMs).toBe(120_000);
    expect(missedQuestionIds(r), 'unanswered is not a miss').toEqual([]);
    expect(unansweredQuestionIds(r)).toEqual(['o1']);
    const wrong = scoreAttempt(attemptWith('exam', { s1: ['b'], s2: ['a'], m1: ['b', 'd'] }), bank);
    expect(missedQuestionIds(wrong)).toEqual(['s1']);
  });

  it('skips questions deleted from the bank since the attempt', () => {
    const r = scoreAttempt(attemptWith('exam', { s1: ['a'] }), indexQuestions([single]));
    expect(r.missing.sort()).toEqual(['m1', 'o1', 's2']);
    expect(r.raw.total).toBe(1);
  });
});
