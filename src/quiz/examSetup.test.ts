import { describe, expect, it } from 'vitest';
import { drawBlueprint } from './drawBlueprint';
import { blueprintFor, type ExamSetup, examLabel, normalizeSetup } from './examSetup';
import { makeBank, makeQuestion } from './testing';

// A bank big enough for a full exam, with ordering questions that must never be drawn.
const bank = [
  ...makeBank({ 1: 40, 2: 40, 3: 40, 4: 40 }),
  ...Array.from({ length: 12 }, (_, i) => makeQuestion(`order-${i}`, 'ordering', ((i % 4) + 1) as 1 | 2 | 3 | 4)),
];
const setup = (over: Partial<ExamSetup>): ExamSetup => ({
  kind: 'full',
  questions: 65,
  minutes: 130,
  domains: [],
  focus: true,
  ...over,
});
const perDomain = (ids: readonly string[]) =>
  [1, 2, 3, 4].map((d) => ids.filter((id) => bank.find((q) => q.id === id)?.domain === d).length);

describe('exam set-up', () => {
  it('full: 65 questions (50 scored, 15 unscored) in 130 minutes, by the domain weights, no ordering', () => {
    const draw = drawBlueprint(bank, blueprintFor(setup({})), 'seed-1');
    expect(draw.questions).toHaveLength(65);
    expect(draw.unscoredIds).toHaveLength(15);
    expect(draw.timeLimitMs).toBe(130 * 60_000);
    // 50 scored by 32/26/24/18% → 16, 13, 12, 9; 15 unscored → 5, 4, 3, 3 (largest remainders).
    expect(perDomain(draw.questions.map((q) => q.id))).toEqual([21, 17, 15, 12]);
    expect(draw.questions.some((q) => q.type === 'ordering')).toBe(false);
  });

  it('full ignores lengths and domains given to it', () => {
    expect(normalizeSetup(setup({ questions: 3, minutes: 1, domains: [2] }))).toMatchObject({
      questions: 65,
      minutes: 130,
      domains: [],
    });
  });

  it('short: 20 questions in 40 minutes, all scored, by the weights', () => {
    const draw = drawBlueprint(bank, blueprintFor(setup({ kind: 'short' })), 'seed-2');
    expect(draw.questions).toHaveLength(20);
    expect(draw.unscoredIds).toEqual([]);
    expect(draw.timeLimitMs).toBe(40 * 60_000);
    // 20 by 32/26/24/18% → 6.4, 5.2, 4.8, 3.6 → 6, 5, 5, 4.
    expect(perDomain(draw.questions.map((q) => q.id))).toEqual([6, 5, 5, 4]);
    expect(draw.questions.every((q) => q.type !== 'ordering')).toBe(true);
  });

  it('custom: the chosen length and time, restricted to the chosen domains', () => {
    const draw = drawBlueprint(
      bank,
      blueprintFor(setup({ kind: 'custom', questions: 30, minutes: 45, domains: [2, 4] })),
      'seed-3',
    );
    expect(draw.questions).toHaveLength(30);
    expect(draw.timeLimitMs).toBe(45 * 60_000);
    // 30 by 26:18 → 17.7, 12.3 → 18, 12.
    expect(perDomain(draw.questions.map((q) => q.id))).toEqual([0, 18, 0, 12]);
    expect(new Set(draw.questions.map((q) => q.id)).size).toBe(30);
  });

  it('custom values are held to a sensible range', () => {
    expect(normalizeSetup(setup({ kind: 'custom', questions: 1000, minutes: 0 }))).toMatchObject({
      questions: 130,
      minutes: 5,
    });
    expect(normalizeSetup(setup({ kind: 'custom', questions: Number.NaN, minutes: 12.6 }))).toMatchObject({
      questions: 5,
      minutes: 13,
    });
  });

  it('a domain too small for the length shrinks the exam and its time in proportion', () => {
    const draw = drawBlueprint(
      bank,
      blueprintFor(setup({ kind: 'custom', questions: 60, minutes: 120, domains: [4] })),
      's',
    );
    expect(draw.questions).toHaveLength(40);
    expect(draw.timeLimitMs).toBe(80 * 60_000);
    expect(draw.note).toMatch(/too small/);
  });

  it('is named by its kind, length and domains', () => {
    expect(examLabel(setup({}))).toBe('Full exam');
    expect(examLabel(setup({ kind: 'short', domains: [2] }))).toBe('Short exam · Security');
    expect(examLabel(setup({ kind: 'custom', questions: 30, domains: [1, 2, 3, 4] }))).toBe(
      'Custom exam · 30 questions',
    );
  });
});
