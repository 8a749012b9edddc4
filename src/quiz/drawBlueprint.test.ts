import { describe, expect, it } from 'vitest';
import { drawBlueprint, EXAM_BLUEPRINT } from './drawBlueprint';
import { makeBank, makeQuestion } from './testing';

const big = makeBank({ 1: 40, 2: 40, 3: 40, 4: 40 });

describe('drawBlueprint', () => {
  it('draws the full DVA-C02 exam by domain weights: 65 questions, 15 unscored, 130 minutes', () => {
    const draw = drawBlueprint(big, EXAM_BLUEPRINT, 'seed');
    expect(draw.questions).toHaveLength(65);
    expect(draw.unscoredIds).toHaveLength(15);
    expect(draw.timeLimitMs).toBe(130 * 60_000);
    expect(draw.degraded).toBe(false);
    expect(draw.domains.map((d) => [d.scored, d.unscored])).toEqual([
      [16, 5],
      [13, 4],
      [12, 3],
      [9, 3],
    ]);
    for (const d of [1, 2, 3, 4] as const) {
      expect(draw.questions.filter((q) => q.domain === d)).toHaveLength(
        (draw.domains[d - 1]?.scored ?? 0) + (draw.domains[d - 1]?.unscored ?? 0),
      );
    }
    expect(draw.note).toBe('A full exam: 65 questions (50 scored, 15 unscored) in 130 minutes.');
  });

  it('never draws a question twice, and the unscored ones are among those drawn', () => {
    const draw = drawBlueprint(big, EXAM_BLUEPRINT, 'other');
    const ids = draw.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(draw.unscoredIds.every((id) => ids.includes(id))).toBe(true);
  });

  it('is deterministic for a seed and varies between seeds', () => {
    const ids = (seed: string) => drawBlueprint(big, EXAM_BLUEPRINT, seed).questions.map((q) => q.id);
    expect(ids('a')).toEqual(ids('a'));
    expect(ids('a')).not.toEqual(ids('b'));
  });

  it('spreads a domain’s draw over its task statements', () => {
    const draw = drawBlueprint(
      makeBank({ 1: 30, 2: 30, 3: 30, 4: 30 }),
      { ...EXAM_BLUEPRINT, total: 12, unscored: 0 },
      's',
    );
    const domain1Tasks = draw.questions.filter((q) => q.domain === 1).map((q) => q.task);
    expect(new Set(domain1Tasks).size).toBe(3);
  });

  it('scales the exam down, keeping the weights and two minutes a question, when a domain is short', () => {
    const draw = drawBlueprint(makeBank({ 1: 40, 2: 40, 3: 10, 4: 40 }), EXAM_BLUEPRINT, 'seed');
    // Deployment needs 15 and has 10: the exam shrinks to floor(65 × 10/15) = 43 questions.
    expect(draw.questions).toHaveLength(43);
    expect(draw.unscoredIds).toHaveLength(10);
    expect(draw.domains.map((d) => d.scored + d.unscored)).toEqual([13, 12, 10, 8]);
    expect(draw.timeLimitMs).toBe(86 * 60_000);
    expect(draw.degraded).toBe(true);
    expect(draw.note).toContain('Deployment has 10 of the 15 it needs');
    expect(draw.note).toContain('43 questions (33 scored, 10 unscored) in 86 minutes');
  });

  it('keeps the length and fills from the other domains when told to', () => {
    const draw = drawBlueprint(
      makeBank({ 1: 40, 2: 40, 3: 10, 4: 40 }),
      { ...EXAM_BLUEPRINT, shortfall: 'fill' },
      'seed',
    );
    expect(draw.questions).toHaveLength(65);
    expect(draw.domains[2]).toMatchObject({ available: 10, scored: 10, unscored: 0 });
    expect(draw.note).toContain('weights are approximate');
  });

  it('serves as much as there is when the whole bank is smaller than the exam', () => {
    const draw = drawBlueprint(makeBank({ 1: 3, 2: 3, 3: 3, 4: 3 }), { ...EXAM_BLUEPRINT, shortfall: 'fill' }, 'seed');
    expect(draw.questions).toHaveLength(12);
    expect(draw.unscoredIds).toHaveLength(3);
  });

  it('leaves ordering questions out: the real exam has none', () => {
    const bank = [...big, makeQuestion('steps', 'ordering', 1, '1.2')];
    for (let i = 0; i < 20; i++)
      expect(drawBlueprint(bank, EXAM_BLUEPRINT, `s${i}`).questions.some((q) => q.type === 'ordering')).toBe(false);
  });
});
