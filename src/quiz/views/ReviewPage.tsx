import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { bank, bankIndex } from '../../course/questions';
import { useAppStore } from '../../store/store';
import { buildReviewSession, nextDueAt } from '../reviewSession';
import { selectQuestions } from '../selectQuestions';
import { formatDate } from './format';
import { startPractice } from './session';
import { usePage } from './useNow';

/** Questions are reviewed in sessions of at most this many, most overdue first. */
export const REVIEW_SIZE = 20;
/** "Review now" offers the cards falling due within this time when none is due yet. */
export const REVIEW_SOON_MS = 24 * 60 * 60_000;

/** "Review due": the FSRS cards whose time has come, as a practice session. */
export function ReviewPage() {
  usePage('Review due');
  const schedule = useAppStore((s) => s.reviewSchedule);
  const [, navigate] = useLocation();
  const now = useMemo(() => Date.now(), []);
  const session = buildReviewSession(schedule, bankIndex, now, REVIEW_SIZE);
  const soon = buildReviewSession(schedule, bankIndex, now + REVIEW_SOON_MS, REVIEW_SIZE);
  const next = nextDueAt(schedule, now);
  const scheduled = Object.keys(schedule.questions).length;
  const start = (until: number, label: string) => {
    const questions = selectQuestions(bank, { by: 'due', schedule, now: until }, { limit: REVIEW_SIZE });
    if (startPractice(label, questions, true)) navigate('/quiz/practice');
  };
  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Spaced review</p>
        <h1>Review due</h1>
        <p className="lede">
          Every answer schedules its question again: soon when you got it wrong, later each time you get it right
          (FSRS).
        </p>
      </header>
      <section className="card quiz-panel" aria-labelledby="due-title">
        <h2 id="due-title">
          {session.questionIds.length === 0
            ? 'Nothing is due right now'
            : `${session.dueCount} question${session.dueCount === 1 ? ' is' : 's are'} due`}
        </h2>
        <p>
          {scheduled === 0
            ? 'Answer a few questions in practice or an exam first: each one you answer joins the schedule.'
            : `${scheduled} question${scheduled === 1 ? ' is' : 's are'} on your schedule.`}
          {session.questionIds.length === 0 && next !== null ? ` The next one is due ${formatDate(next)}.` : ''}
        </p>
        {session.questionIds.length === 0 && soon.questionIds.length > 0 && (
          <p className="quiz-muted">
            Reviewing a little early is fine: the schedule counts the shorter gap and spaces the next review
            accordingly.
          </p>
        )}
        {session.exerciseIds.length > 0 && <p>Lab exercises due again: {session.exerciseIds.join(', ')}.</p>}
        <div className="quiz-actions">
          {session.questionIds.length > 0 && (
            <button type="button" className="button button-primary" onClick={() => start(now, 'Review due')}>
              Review {session.questionIds.length} question{session.questionIds.length === 1 ? '' : 's'}
            </button>
          )}
          {session.questionIds.length === 0 && soon.questionIds.length > 0 && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => start(now + REVIEW_SOON_MS, 'Review now')}
            >
              Review now ({soon.questionIds.length} due within a day)
            </button>
          )}
          <Link href="/quiz" className="button">
            Back to the quiz
          </Link>
        </div>
      </section>
    </div>
  );
}
