import { describe, expect, it } from 'vitest';
import { createAttempt } from './attempt';
import { reduceAttempt } from './reduceAttempt';
import { indexQuestions, scoreAttempt } from './scoreAttempt';
import { hasScaledScore, summarizeAttempt } from './summarizeAttempt';
import { makeQuestion } from './testing';

const T0 = 1_800_000_000_000;
// Keys (see testing.ts): single → a; multiple → b and d.
const questions = [
  makeQuestion('s1', 'single', 1, '1.1'),
  makeQuestion('s2', 'single', 2, '2.3'),
  makeQuestion('m1', 'multiple', 2, '2.1'),
  makeQuestion('u1', 'single', 3, '3.1'),
];
const bank = indexQuestions(questions);

function result(mode: 'practice' | 'exam', answers: Record<string, string[]>, unscoredIds: string[] = []) {
  let a = createAttempt({ id: 'a', mode, questions, seed: 's', now: T0, keepOrder: true, unscoredIds });
  for (const [questionId, answer] of Object.entries(answers))
    a = reduceAttempt(a, { type: 'answer', questionId, answer, at: T0 + 1 });
  return scoreAttempt(reduceAttempt(a, { type: 'submit', at: T0 + 2 }), bank);
}

describe('summarizeAttempt', () => {
  it('practice: answered means answered, the share is of the answered, no scaled score', () => {
    const summary = summarizeAttempt(result('practice', { s1: ['a'], s2: ['b'] }), 'practice');
    expect(summary).toEqual({ total: 4, answered: 2, correct: 1, byDomain: { 1: 1, 2: 0 } });
  });

  it('practice with nothing answered counts nothing right or wrong', () => {
    expect(summarizeAttempt(result('practice', {}), 'practice')).toEqual({
      total: 4,
      answered: 0,
      correct: 0,
      byDomain: {},
    });
  });

  it('an exam counts its scored questions; unanswered are wrong in the shares and the score, but not answered', () => {
    const r = result('exam', { s1: ['a'], m1: ['b', 'd'], u1: ['a'] }, ['u1']);
    const full = summarizeAttempt(r, 'full');
    expect(full).toMatchObject({ total: 3, answered: 2, correct: 2, byDomain: { 1: 1, 2: 0.5 } });
    expect(full.scaled).toBe(r.scaled);
    expect(full.passed).toBe(false);
    expect(summarizeAttempt(r, 'custom').scaled).toBe(r.scaled);
  });

  it('a short exam has no scaled score', () => {
    const short = summarizeAttempt(result('exam', { s1: ['a'] }), 'short');
    expect(short).not.toHaveProperty('scaled');
    expect(short).not.toHaveProperty('passed');
    expect([
      hasScaledScore('full'),
      hasScaledScore('custom'),
      hasScaledScore('short'),
      hasScaledScore('practice'),
    ]).toEqual([true, true, false, false]);
  });
});
