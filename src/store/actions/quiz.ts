import type { AttemptMode } from '../../quiz/attempt';
import type { ReviewSchedule } from '../../quiz/reviewSchedule';
import { dict } from '../dict';
import { type ActiveAttempt, type AttemptRecord, DETAILED_ATTEMPTS, MAX_ATTEMPTS, type QuestionResult } from '../quiz';
import { type WriteResult, write } from '../write';

/**
 * The quiz's writes. The engine's work (scoring, scheduling) happens in `src/quiz/views/session.ts`,
 * which passes the results here: the store stays free of the engine and of ts-fsrs.
 */

/** Starts, updates or (with `undefined`) drops the attempt in progress of this mode. */
export function setActiveAttempt(mode: AttemptMode, active: ActiveAttempt | undefined): WriteResult {
  return write((s) => {
    const quizActive = { ...s.quizActive };
    if (active) quizActive[mode] = active;
    else delete quizActive[mode];
    return { quizActive };
  });
}

/** The latest outcome of each question just answered (never called for unanswered ones). */
export function recordAnswers(results: Readonly<Record<string, QuestionResult>>): WriteResult {
  if (Object.keys(results).length === 0) return { ok: true, saved: true };
  return write((s) => ({ questionResults: dict([...Object.entries(s.questionResults), ...Object.entries(results)]) }));
}

/** Replaces the review schedule with the one the engine computed from it. */
export function updateReviewSchedule(update: (schedule: ReviewSchedule) => ReviewSchedule): WriteResult {
  return write((s) => ({ reviewSchedule: update(s.reviewSchedule) }));
}

/**
 * Files a finished attempt: it leaves "in progress" and joins the history, which keeps at most
 * MAX_ATTEMPTS summaries and the detail of the latest DETAILED_ATTEMPTS.
 */
export function fileAttempt(mode: AttemptMode, record: AttemptRecord): WriteResult {
  return write((s) => {
    const quizActive = { ...s.quizActive };
    delete quizActive[mode];
    const history = [...s.quizHistory, record].slice(-MAX_ATTEMPTS);
    const cut = history.length - DETAILED_ATTEMPTS;
    return {
      quizActive,
      quizHistory: history.map((r, i) => {
        if (i >= cut || !r.attempt) return r;
        const { attempt: _trimmed, ...summary } = r;
        return summary;
      }),
    };
  });
}
