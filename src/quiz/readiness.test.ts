import { describe, expect, it } from 'vitest';
import { computeReadiness, guessRate, NEEDED_ANSWERS, type ReadinessInput } from './readiness';
import { emptySchedule, Rating, reviewCard } from './reviewSchedule';
import { makeBank, makeQuestion } from './testing';

const NOW = Date.UTC(2026, 10, 30, 12);
const DAY = 86_400_000;
// 12 questions per domain over three task statements each (x.1, x.2, x.3); every third is multiple response.
const bank = makeBank({ 1: 12, 2: 12, 3: 12, 4: 12 });
const lessons = [
  { slug: 'rotation', task: '2.3' },
  { slug: 'caching', task: '4.3' },
];
const exercises = [{ slug: 'rotation-function', task: '2.3' }];

function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    questions: bank,
    lessons,
    exercises,
    lessonsRead: {},
    exerciseProgress: {},
    answers: {},
    cards: {},
    now: NOW,
    ...over,
  };
}

/** Answers `ids` (right or wrong), each reviewed by FSRS at `at`. */
function answered(ids: readonly string[], correct: (id: string) => boolean, at = NOW) {
  let schedule = emptySchedule();
  const answers: Record<string, { correct: boolean }> = {};
  for (const id of ids) {
    answers[id] = { correct: correct(id) };
    schedule = reviewCard(schedule, 'questions', id, correct(id) ? Rating.Good : Rating.Again, at);
  }
  return { answers, cards: schedule.questions };
}

describe('computeReadiness', () => {
  it('with nothing done: no prediction, every count at zero, and three task statements to start with', () => {
    const r = computeReadiness(input());
    expect(r.prediction).toBeNull();
    expect(r.answered).toEqual({ done: 0, total: 48 });
    expect(r.tasks.map((t) => t.task)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '4.3',
    ]);
    const rotation = r.tasks.find((t) => t.task === '2.3');
    expect(rotation).toMatchObject({
      lessons: { done: 0, total: 1 },
      exercises: { done: 0, total: 1 },
      questions: { done: 0, total: 4 },
      accuracy: null,
      recall: null,
    });
    // Knowing nothing, a task's chance is a coin flip above its guess rate: the tasks of multiple-
    // response questions (x.3 here, 1 in 10 to guess) come first, heaviest domain first.
    expect(new Set(r.tasks.map((t) => t.chance.toFixed(6))).size).toBe(2);
    expect(r.weakest.map((t) => t.task)).toEqual(['1.3', '2.3', '3.3']);
  });

  it('needs a few answers before it predicts', () => {
    const few = answered(
      bank.slice(0, NEEDED_ANSWERS - 1).map((q) => q.id),
      () => true,
    );
    expect(computeReadiness(input(few)).prediction).toBeNull();
    const enough = answered(
      bank.slice(0, NEEDED_ANSWERS).map((q) => q.id),
      () => true,
    );
    expect(computeReadiness(input(enough)).prediction).not.toBeNull();
  });

  it('counts lessons read, exercises passed, answers and accuracy per task statement', () => {
    const ids = bank.filter((q) => q.task === '2.3').map((q) => q.id);
    const r = computeReadiness(
      input({
        lessonsRead: { rotation: NOW },
        exerciseProgress: { 'rotation-function': { passed: true } },
        ...answered(ids.slice(0, 3), (id) => id !== ids[0]),
      }),
    );
    const t = r.tasks.find((x) => x.task === '2.3');
    expect(t).toMatchObject({
      lessons: { done: 1, total: 1 },
      exercises: { done: 1, total: 1 },
      questions: { done: 3, total: 4 },
      correct: 2,
    });
    expect(t?.accuracy).toBeCloseTo(2 / 3);
    expect(t?.recall).toBeGreaterThan(0.9);
  });

  it('recall fades with time: the same right answers a month later give a lower chance', () => {
    const ids = bank.map((q) => q.id);
    const today = computeReadiness(input(answered(ids, () => true, NOW)));
    const later = computeReadiness(input(answered(ids, () => true, NOW - 30 * DAY)));
    expect(later.prediction!.share).toBeLessThan(today.prediction!.share);
    expect(later.tasks[0]!.recall!).toBeLessThan(today.tasks[0]!.recall!);
  });

  it('recall is only of right answers: a task answered wrong every time has none to show', () => {
    const ids = bank.filter((q) => q.task === '2.3').map((q) => q.id);
    const allWrong = computeReadiness(input(answered(ids, () => false))).tasks.find((x) => x.task === '2.3');
    expect(allWrong?.accuracy).toBe(0);
    expect(allWrong?.recall).toBeNull();
  });

  it('with everything mastered: a high score, a narrow range, the pass line well inside it', () => {
    const r = computeReadiness(
      input(
        answered(
          bank.map((q) => q.id),
          () => true,
        ),
      ),
    );
    const p = r.prediction!;
    expect(p.scaled).toBeGreaterThanOrEqual(930);
    expect(p.scaledLow).toBeGreaterThan(800);
    expect(p.scaledHigh).toBe(1000);
    expect(r.weakest.every((t) => t.chance > 0.9)).toBe(true);
  });

  it('with one domain only, the others are estimated from it but the range is wider than with answers everywhere', () => {
    const security = bank.filter((q) => q.domain === 2).map((q) => q.id);
    const spread = [1, 2, 3, 4].flatMap((d) =>
      bank
        .filter((q) => q.domain === d)
        .slice(0, 3)
        .map((q) => q.id),
    );
    const right = (id: string) => Number(id.split('-q')[1]) % 4 !== 3; // three in four right
    const one = computeReadiness(input(answered(security, right))).prediction!;
    const everywhere = computeReadiness(input(answered(spread, right))).prediction!;
    expect(one.high - one.low).toBeGreaterThan(everywhere.high - everywhere.low);
    const r = computeReadiness(input(answered(security, right)));
    expect(r.domains.map((d) => d.answered.done)).toEqual([0, 12, 0, 0]);
    // The answered domain is judged on its answers; the unanswered ones lean on the overall average.
    expect(r.domains[1]!.chance).toBeGreaterThan(r.domains[0]!.chance - 0.2);
  });

  it('names as weakest the task statements answered worst', () => {
    const ids = bank.map((q) => q.id);
    const wrongIn = new Set(['3.2', '1.3', '4.1']);
    const r = computeReadiness(input(answered(ids, (id) => !wrongIn.has(bank.find((q) => q.id === id)!.task))));
    expect(r.weakest.map((t) => t.task).sort()).toEqual(['1.3', '3.2', '4.1']);
  });

  it('reads records by their own keys only', () => {
    const r = computeReadiness(
      input({ lessons: [{ slug: 'constructor', task: '2.3' }], lessonsRead: {}, answers: {}, cards: {} }),
    );
    expect(r.tasks.find((t) => t.task === '2.3')?.lessons).toEqual({ done: 0, total: 1 });
  });
});

describe('guessRate', () => {
  it('is one over the number of possible answers', () => {
    expect(guessRate(makeQuestion('s', 'single'))).toBe(1 / 4);
    expect(guessRate(makeQuestion('m', 'multiple'))).toBe(1 / 10);
    expect(guessRate(makeQuestion('o', 'ordering'))).toBe(0);
  });
});
