import { describe, expect, it } from 'vitest';
import { createAttempt, remainingMs } from './attempt';
import { restoreAttempt, serializeAttempt } from './persistAttempt';
import { reduceAttempt } from './reduceAttempt';
import { makeQuestion } from './testing';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const LIMIT = 130 * 60_000;

function started() {
  let a = createAttempt({
    id: 'exam-1',
    mode: 'exam',
    questions: [makeQuestion('q1'), makeQuestion('q2', 'multiple')],
    seed: 'seed',
    now: T0,
    timeLimitMs: LIMIT,
    keepOrder: true,
  });
  a = reduceAttempt(a, { type: 'answer', questionId: 'q1', answer: ['a'], at: T0 + 40_000 });
  a = reduceAttempt(a, { type: 'flag', questionId: 'q1', at: T0 + 45_000 });
  return reduceAttempt(a, { type: 'tick', at: T0 + 50_000 });
}

describe('serializeAttempt / restoreAttempt', () => {
  it('resumes an interrupted exam after a reload with its remaining time from the timestamps', () => {
    const saved = serializeAttempt(started());
    const reloadAt = T0 + 10 * 60_000;
    const restored = restoreAttempt(saved, reloadAt);
    if (!restored.ok) throw new Error(restored.error);
    expect(remainingMs(restored.attempt, reloadAt)).toBe(LIMIT - 10 * 60_000);
    expect(restored.attempt.status).toBe('active');
    expect(restored.attempt.entries.q1).toMatchObject({ answer: ['a'], flagged: true, timeMs: 50_000 });
    expect(restored.attempt.viewStartedAt).toBe(reloadAt);
  });

  it('does not charge the time away to the question that was on screen', () => {
    const restored = restoreAttempt(serializeAttempt(started()), T0 + 20 * 60_000);
    if (!restored.ok) throw new Error(restored.error);
    const later = reduceAttempt(restored.attempt, { type: 'tick', at: T0 + 20 * 60_000 + 5_000 });
    expect(later.entries.q1?.timeMs).toBe(55_000);
  });

  it('submits as time-up, at the deadline, an exam whose time ran out while away', () => {
    const restored = restoreAttempt(serializeAttempt(started()), T0 + LIMIT + 3_600_000);
    if (!restored.ok) throw new Error(restored.error);
    expect(restored.attempt).toMatchObject({ status: 'submitted', submitReason: 'time-up', submittedAt: T0 + LIMIT });
    expect(restored.attempt.entries.q1?.timeMs).toBe(50_000);
  });

  it('refuses damaged data with a reason instead of throwing', () => {
    expect(restoreAttempt('{not json', T0)).toEqual({ ok: false, error: 'The saved attempt is not valid JSON' });
    const wrong = { ...started(), version: 2 };
    const result = restoreAttempt(JSON.stringify(wrong), T0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/version/);
    const { entries: _dropped, ...noEntries } = started();
    expect(restoreAttempt(noEntries, T0).ok).toBe(false);
  });

  it('round-trips a submitted attempt unchanged', () => {
    const done = reduceAttempt(started(), { type: 'submit', at: T0 + 60_000 });
    expect(restoreAttempt(serializeAttempt(done), T0 + 999_999_999)).toEqual({ ok: true, attempt: done });
  });
});
