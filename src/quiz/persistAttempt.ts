import { type Attempt, deadlineOf } from './attempt';
import { attemptSchema } from './attemptSchema';
import { reduceAttempt } from './reduceAttempt';

export function serializeAttempt(attempt: Attempt): string {
  return JSON.stringify(attempt);
}

export type RestoredAttempt = { ok: true; attempt: Attempt } | { ok: false; error: string };

/**
 * Brings a saved attempt back after a reload at `now`. The exam clock is wall time: the remaining
 * time is the deadline minus now, so time spent away still counts, as in the real exam; an attempt
 * whose deadline passed while away comes back submitted as "time-up" at its deadline. The time away
 * is not charged to the question that was on screen (its clock restarts at `now`).
 * A corrupted or foreign value is refused with a reason, never thrown.
 */
export function restoreAttempt(saved: string | unknown, now: number): RestoredAttempt {
  let data: unknown = saved;
  if (typeof saved === 'string') {
    try {
      data = JSON.parse(saved);
    } catch {
      return { ok: false, error: 'The saved attempt is not valid JSON' };
    }
  }
  const parsed = attemptSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `The saved attempt is damaged (${first?.path.join('.') || 'root'}: ${first?.message})` };
  }
  const attempt: Attempt = parsed.data;
  if (attempt.status === 'submitted') return { ok: true, attempt };
  const deadline = deadlineOf(attempt);
  const resumed = { ...attempt, viewStartedAt: deadline === null ? now : Math.min(now, deadline) };
  return { ok: true, attempt: reduceAttempt(resumed, { type: 'tick', at: now }) };
}
