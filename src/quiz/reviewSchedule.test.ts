import { State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { emptySchedule, gradeAnswer, Rating, recordExercise, reviewCard } from './reviewSchedule';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('gradeAnswer', () => {
  it('grades wrong as Again, hesitant or changed as Hard, and right as Good', () => {
    expect(gradeAnswer({ correct: false, answerTimeMs: 5_000, changes: 0 })).toBe(Rating.Again);
    expect(gradeAnswer({ correct: true, answerTimeMs: 5_000, changes: 1 })).toBe(Rating.Hard);
    expect(gradeAnswer({ correct: true, answerTimeMs: 120_000, changes: 0 })).toBe(Rating.Hard);
    expect(gradeAnswer({ correct: true, answerTimeMs: 20_000, changes: 0 })).toBe(Rating.Good);
    expect(gradeAnswer({ correct: true, answerTimeMs: 20_000, changes: 0 }, 10_000)).toBe(Rating.Hard);
  });
});

describe('reviewCard', () => {
  it('creates a card on the first review and schedules Again sooner than Hard, Hard no later than Good', () => {
    const again = reviewCard(emptySchedule(), 'questions', 'q1', Rating.Again, NOW).questions.q1!;
    const hard = reviewCard(emptySchedule(), 'questions', 'q1', Rating.Hard, NOW).questions.q1!;
    const good = reviewCard(emptySchedule(), 'questions', 'q1', Rating.Good, NOW).questions.q1!;
    expect(again.reps).toBe(1);
    expect(again.last_review).toBe(NOW);
    expect(again.due).toBeLessThan(hard.due);
    expect(hard.due).toBeLessThanOrEqual(good.due);
    expect(again.due - NOW).toBeLessThanOrEqual(10 * MINUTE);
  });

  it('spaces a card out as it keeps being right, and a lapse brings it back', () => {
    let s = emptySchedule();
    let at = NOW;
    for (let i = 0; i < 4; i++) {
      s = reviewCard(s, 'questions', 'q1', Rating.Good, at);
      at = s.questions.q1!.due;
    }
    const card = s.questions.q1!;
    expect(card.state).toBe(State.Review);
    expect(card.due - card.last_review!).toBeGreaterThan(3 * DAY);
    const lapsed = reviewCard(s, 'questions', 'q1', Rating.Again, at).questions.q1!;
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.state).toBe(State.Relearning);
    expect(lapsed.due - at).toBeLessThan(DAY);
  });

  it('is deterministic and JSON-safe', () => {
    const a = reviewCard(emptySchedule(), 'questions', 'q1', Rating.Good, NOW);
    const b = reviewCard(emptySchedule(), 'questions', 'q1', Rating.Good, NOW);
    expect(a).toEqual(b);
    const revived = JSON.parse(JSON.stringify(a));
    expect(reviewCard(revived, 'questions', 'q1', Rating.Good, NOW + DAY)).toEqual(
      reviewCard(a, 'questions', 'q1', Rating.Good, NOW + DAY),
    );
  });

  it('leaves the input schedule untouched', () => {
    const s = emptySchedule();
    reviewCard(s, 'questions', 'q1', Rating.Good, NOW);
    expect(s.questions).toEqual({});
  });
});

describe('recordExercise', () => {
  it('feeds lab results into the same schedule: a pass is Good, a failure Again', () => {
    const passed = recordExercise(emptySchedule(), 'ttl-cache', true, NOW).exercises['ttl-cache']!;
    const failed = recordExercise(emptySchedule(), 'ttl-cache', false, NOW).exercises['ttl-cache']!;
    expect(passed.due).toBeGreaterThan(failed.due);
    expect(recordExercise(emptySchedule(), 'ttl-cache', true, NOW).questions).toEqual({});
  });
});
