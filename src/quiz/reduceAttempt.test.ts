import { describe, expect, it } from 'vitest';
import { type Attempt, createAttempt, paletteOf, remainingMs } from './attempt';
import { reduceAttempt } from './reduceAttempt';
import { makeQuestion } from './testing';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const questions = [makeQuestion('q-single'), makeQuestion('q-multi', 'multiple'), makeQuestion('q-order', 'ordering')];

function exam(timeLimitMs: number | null = 130 * 60_000): Attempt {
  return createAttempt({ id: 'a1', mode: 'exam', questions, seed: 's', now: T0, timeLimitMs, keepOrder: true });
}

describe('createAttempt', () => {
  it('shuffles questions by seed unless told to keep the order, and lists every option id', () => {
    const a = createAttempt({ id: 'a', mode: 'practice', questions, seed: 'x', now: T0 });
    const b = createAttempt({ id: 'b', mode: 'practice', questions, seed: 'x', now: T0 });
    expect(a.questions.map((q) => q.id)).toEqual(b.questions.map((q) => q.id));
    expect(exam().questions.map((q) => q.id)).toEqual(['q-single', 'q-multi', 'q-order']);
    expect(exam().questions.map((q) => q.pick)).toEqual([1, 2, 4]);
    expect(exam().questions[1]?.options.slice().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses the same question twice', () => {
    expect(() =>
      createAttempt({ id: 'a', mode: 'exam', questions: [questions[0]!, questions[0]!], seed: 's', now: T0 }),
    ).toThrow(/twice/);
  });
});

describe('reduceAttempt', () => {
  it('records an answer, and counts a change only when a complete answer is replaced', () => {
    let a = exam();
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-multi', answer: ['b'], at: T0 + 1000 });
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-multi', answer: ['b', 'd'], at: T0 + 2000 });
    expect(a.entries['q-multi']?.changes).toBe(0);
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-multi', answer: ['b'], at: T0 + 3000 });
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-multi', answer: ['b', 'e'], at: T0 + 4000 });
    // Choices are a set, kept in display order.
    expect(a.entries['q-multi']?.answer.slice().sort()).toEqual(['b', 'e']);
    expect(a.entries['q-multi']?.changes).toBe(1);
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['a'], at: T0 + 5000 });
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['c'], at: T0 + 6000 });
    expect(a.entries['q-single']).toMatchObject({ answer: ['c'], changes: 1 });
  });

  it('ignores answers that cannot be: unknown options, two for a single, a partial order', () => {
    const a = exam();
    expect(reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['z'], at: T0 + 1 })).toBe(a);
    expect(reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['a', 'b'], at: T0 + 1 })).toBe(a);
    expect(reduceAttempt(a, { type: 'answer', questionId: 'q-order', answer: ['a', 'b'], at: T0 + 1 })).toBe(a);
    expect(reduceAttempt(a, { type: 'answer', questionId: 'nope', answer: ['a'], at: T0 + 1 })).toBe(a);
  });

  it('flags and unflags, and the palette shows it', () => {
    let a = reduceAttempt(exam(), { type: 'flag', questionId: 'q-order', at: T0 + 10 });
    expect(paletteOf(a).map((p) => p.flagged)).toEqual([false, false, true]);
    a = reduceAttempt(a, { type: 'flag', questionId: 'q-order', at: T0 + 20 });
    expect(a.entries['q-order']?.flagged).toBe(false);
  });

  it('navigates within bounds and charges on-screen time to the question being viewed', () => {
    let a = exam();
    a = reduceAttempt(a, { type: 'next', at: T0 + 30_000 });
    a = reduceAttempt(a, { type: 'goto', index: 99, at: T0 + 50_000 });
    a = reduceAttempt(a, { type: 'prev', at: T0 + 60_000 });
    a = reduceAttempt(a, { type: 'tick', at: T0 + 65_000 });
    expect(a.current).toBe(1);
    expect(a.questions.map((q) => a.entries[q.id]?.timeMs)).toEqual([30_000, 20_000 + 5_000, 10_000]);
  });

  it('remembers how long the learner looked before answering (the hesitation)', () => {
    let a = exam();
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['a'], at: T0 + 95_000 });
    expect(a.entries['q-single']?.answerTimeMs).toBe(95_000);
  });

  it('submits on request and then ignores everything', () => {
    let a = reduceAttempt(exam(), { type: 'submit', at: T0 + 60_000 });
    expect(a).toMatchObject({ status: 'submitted', submittedAt: T0 + 60_000, submitReason: 'learner' });
    const after = reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['a'], at: T0 + 61_000 });
    expect(after).toBe(a);
    a = after;
    expect(remainingMs(a, T0 + 61_000)).toBe(0);
  });

  it('auto-submits at the deadline and drops an answer given after time is up', () => {
    let a = exam(60_000);
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['a'], at: T0 + 59_000 });
    expect(remainingMs(a, T0 + 59_000)).toBe(1_000);
    a = reduceAttempt(a, { type: 'answer', questionId: 'q-single', answer: ['b'], at: T0 + 61_000 });
    expect(a).toMatchObject({ status: 'submitted', submittedAt: T0 + 60_000, submitReason: 'time-up' });
    expect(a.entries['q-single']).toMatchObject({ answer: ['a'], timeMs: 60_000 });
  });

  it('gives feedback only in practice: check locks the answer there and does nothing in an exam', () => {
    let p = createAttempt({ id: 'p', mode: 'practice', questions, seed: 's', now: T0, keepOrder: true });
    p = reduceAttempt(p, { type: 'answer', questionId: 'q-single', answer: ['a'], at: T0 + 1 });
    p = reduceAttempt(p, { type: 'check', questionId: 'q-single', at: T0 + 2 });
    p = reduceAttempt(p, { type: 'answer', questionId: 'q-single', answer: ['b'], at: T0 + 3 });
    expect(p.entries['q-single']).toMatchObject({ answer: ['a'], checked: true });
    const e = reduceAttempt(exam(), { type: 'answer', questionId: 'q-single', answer: ['a'], at: T0 + 1 });
    expect(reduceAttempt(e, { type: 'check', questionId: 'q-single', at: T0 + 2 })).toBe(e);
  });

  it('has no clock when untimed', () => {
    const a = reduceAttempt(exam(null), { type: 'tick', at: T0 + 10 * 3_600_000 });
    expect(a.status).toBe('active');
    expect(remainingMs(a, T0 + 10 * 3_600_000)).toBeNull();
  });
});
