/**
 * Quiz engine speed (issue 6 aims for well under a millisecond per question): scoring a 65-question
 * exam attempt, in µs per question; building a "review due" session from 1,000 cards, in µs per
 * card; and feeding an attempt into the FSRS schedule, in µs per question.
 * `npm run bench -- quiz` prints the JSON.
 */
import { fileURLToPath } from 'node:url';
import { createAttempt } from '../../src/quiz/attempt';
import { drawBlueprint, EXAM_BLUEPRINT } from '../../src/quiz/drawBlueprint';
import { reduceAttempt } from '../../src/quiz/reduceAttempt';
import { emptySchedule, Rating, type ReviewSchedule, reviewCard } from '../../src/quiz/reviewSchedule';
import { buildReviewSession, recordAttempt } from '../../src/quiz/reviewSession';
import { indexQuestions, scoreAttempt } from '../../src/quiz/scoreAttempt';
import { makeBank } from '../../src/quiz/testing';
import type { Question } from '../../src/schema/questionTypes';

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);
const DAY = 86_400_000;

/** Median of `runs` timings of `fn`, in microseconds, after a warm-up. */
function timeUs(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

function answeredExam(bank: readonly Question[]) {
  const draw = drawBlueprint(bank, EXAM_BLUEPRINT, 'bench');
  let attempt = createAttempt({
    id: 'bench',
    mode: 'exam',
    questions: draw.questions,
    seed: 'bench',
    now: T0,
    timeLimitMs: draw.timeLimitMs,
    unscoredIds: draw.unscoredIds,
  });
  attempt.questions.forEach((q, i) => {
    const answer = q.options.slice(0, q.pick);
    attempt = reduceAttempt(attempt, { type: 'answer', questionId: q.id, answer, at: T0 + (i + 1) * 60_000 });
    attempt = reduceAttempt(attempt, { type: 'next', at: T0 + (i + 1) * 60_000 + 1 });
  });
  return {
    attempt: reduceAttempt(attempt, { type: 'submit', at: T0 + 100 * 60_000 }),
    bank: indexQuestions(draw.questions),
  };
}

function scheduleOf(cards: number): ReviewSchedule {
  let schedule = emptySchedule();
  for (let i = 0; i < cards; i++) {
    const rating = i % 3 === 0 ? Rating.Again : Rating.Good;
    schedule = reviewCard(schedule, 'questions', `q${i}`, rating, T0 - (i % 30) * DAY);
  }
  return schedule;
}

export function benchQuiz(): Record<string, number> {
  const { attempt, bank } = answeredExam(makeBank({ 1: 40, 2: 40, 3: 40, 4: 40 }));
  const questions = attempt.questions.length;
  const scoreUs = timeUs(() => scoreAttempt(attempt, bank), 2000);
  const result = scoreAttempt(attempt, bank);
  const recordUs = timeUs(() => recordAttempt(emptySchedule(), result, T0 + DAY), 200);

  const cards = 1000;
  const schedule = scheduleOf(cards);
  const reviewBank = new Map(Object.keys(schedule.questions).map((id) => [id, {} as Question]));
  const sessionUs = timeUs(() => buildReviewSession(schedule, reviewBank, T0 + 2 * DAY, 50), 500);

  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    examQuestions: questions,
    scoreAttemptUsPerQuestion: round(scoreUs / questions),
    recordAttemptUsPerQuestion: round(recordUs / questions),
    reviewCards: cards,
    reviewSessionUsPerCard: round(sessionUs / cards),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(benchQuiz(), null, 2));
}
