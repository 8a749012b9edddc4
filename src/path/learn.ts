import { gradeAnswer, reviewCard } from '../quiz/reviewSchedule';
import type { QuestionOutcome } from '../quiz/scoreAttempt';
import { recordAnswers, updateReviewSchedule } from '../store/actions';

/**
 * What answering teaches the app: each answered question's FSRS card is reviewed (wrong → Again,
 * slow or changed → Hard, else Good) and its latest outcome recorded, at `now`. Unanswered
 * questions teach nothing and are not recorded. Practice, exams and a lesson's "Check yourself"
 * all learn this way.
 */
export function learn(outcomes: readonly QuestionOutcome[], now: number): void {
  const answered = outcomes.filter((o) => o.answered);
  if (answered.length === 0) return;
  updateReviewSchedule((schedule) =>
    answered.reduce((s, o) => reviewCard(s, 'questions', o.id, gradeAnswer(o), now), schedule),
  );
  recordAnswers(Object.fromEntries(answered.map((o) => [o.id, { correct: o.correct, at: now }])));
}
