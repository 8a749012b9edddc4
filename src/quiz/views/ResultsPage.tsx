import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { bankIndex } from '../../course/questions';
import { DVA_C02 } from '../../schema/dva-c02';
import { useAppStore } from '../../store/store';
import { SCALED_SCORE_EXPLANATION } from '../scaledScore';
import { missedQuestionIds, scoreAttempt, unansweredQuestionIds } from '../scoreAttempt';
import { domainTallies } from '../summarizeAttempt';
import { DomainBars } from './DomainBars';
import { formatDate, formatDuration, percent } from './format';
import { ResultsList } from './ResultsList';
import { kindName } from './recordWords';
import { practiseIds, retakeMisses } from './session';
import { usePage } from './useNow';

/**
 * An attempt's results. Full and custom exams: the scaled score and the pass line. Short exams and
 * practice: what was answered and how much of it was right. Unanswered questions are counted and
 * named as unanswered, never as misses; then domains, every answer explained, and retakes.
 */
export function ResultsPage({ id }: { id: string }) {
  const record = useAppStore((s) => s.quizHistory.find((r) => r.id === id));
  const [, navigate] = useLocation();
  const result = useMemo(() => (record?.attempt ? scoreAttempt(record.attempt, bankIndex) : undefined), [record]);
  usePage(record ? `Results · ${record.label}` : 'Results');

  if (!record)
    return (
      <div className="page quiz-page">
        <h1>Results not found</h1>
        <p>
          No attempt called “{id}” is saved in this browser. <Link href="/quiz/history">See your history</Link>
        </p>
      </div>
    );

  const exam = record.mode === 'exam';
  const scaled = record.scaled;
  const misses = result ? missedQuestionIds(result) : [];
  const skipped = result ? unansweredQuestionIds(result) : [];
  const unanswered = record.answered === null ? undefined : record.total - record.answered;
  const judged = exam ? record.total : (record.answered ?? record.total);
  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">
          {kindName(record)} · {formatDate(record.submittedAt)}
          {result ? ` · ${formatDuration(result.durationMs)}` : ''}
        </p>
        <h1>{record.label}</h1>
      </header>
      {record.submitReason === 'time-up' && (
        <p className="callout callout-current" role="status">
          Time ran out: the exam was submitted automatically with the answers given so far.
        </p>
      )}
      <section className="card quiz-score" aria-labelledby="score-title">
        <h2 id="score-title" className="sr-only">
          Score
        </h2>
        <div className="quiz-score-main">
          {scaled !== undefined ? (
            <>
              <p className="quiz-score-number">
                {scaled}
                <span className="quiz-score-scale"> / {DVA_C02.maxScaled}</span>
              </p>
              <p className="quiz-score-caption">Scaled score</p>
            </>
          ) : (
            <>
              <p className="quiz-score-number">
                {record.correct}
                <span className="quiz-score-scale"> / {judged}</span>
              </p>
              <p className="quiz-score-caption">{exam ? 'scored questions right' : 'answered right'}</p>
            </>
          )}
        </div>
        <div className="quiz-score-side">
          {scaled !== undefined && (
            <p className={record.passed ? 'quiz-pass is-pass' : 'quiz-pass is-fail'}>
              {record.passed ? '✓ Pass' : '✗ Below the pass line'}
              <span className="quiz-pass-line"> ({DVA_C02.passingScaled} needed)</span>
            </p>
          )}
          <p>
            {exam
              ? `${record.correct} of ${record.total} scored questions right (${percent(record.total ? record.correct / record.total : 0)})`
              : record.answered === null
                ? `${record.correct} of ${record.total} questions right`
                : `${record.answered} of ${record.total} questions answered, ${record.correct} right (${percent(record.answered ? record.correct / record.answered : 0)} of those answered)`}
          </p>
          {unanswered !== undefined && unanswered > 0 && (
            <p className="quiz-muted" data-testid="unanswered-line">
              {unanswered} {exam ? 'scored ' : ''}question{unanswered === 1 ? '' : 's'} unanswered
              {exam ? ': they count as wrong in the score, as on the real exam.' : ': not counted as wrong.'}
            </p>
          )}
          {exam && scaled === undefined && (
            <p className="quiz-muted">
              A short exam is too small a sample for a scaled score: take a full or custom exam for one.
            </p>
          )}
          {result && (
            <div className="quiz-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={misses.length === 0}
                onClick={() => retakeMisses(record) && navigate('/quiz/practice')}
              >
                {misses.length === 0 ? 'No misses to retake' : `Retake the misses (${misses.length})`}
              </button>
              {skipped.length > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => practiseIds(`Unanswered from: ${record.label}`, skipped) && navigate('/quiz/practice')}
                >
                  Practise the unanswered ({skipped.length})
                </button>
              )}
              <Link href="/quiz" className="button">
                Back to the quiz
              </Link>
            </div>
          )}
        </div>
      </section>
      {scaled !== undefined && (
        <div className="callout callout-note quiz-scaling">
          <p className="callout-title">How this score is computed</p>
          <p>{SCALED_SCORE_EXPLANATION}</p>
        </div>
      )}
      {result ? (
        <>
          <section aria-labelledby="domains-title">
            <h2 id="domains-title">By domain</h2>
            <DomainBars tallies={domainTallies(result, record.kind)} exam={exam} />
          </section>
          <section aria-labelledby="answers-title">
            <h2 id="answers-title">Your answers</h2>
            <p className="quiz-hint">
              Open a question to see your answer beside the key, why each option is right or wrong, and the time you
              spent.
              {exam ? ' Unscored questions are listed too, unmarked, as on the real exam.' : ''}
            </p>
            {record.attempt && <ResultsList attempt={record.attempt} result={result} />}
          </section>
        </>
      ) : (
        <p className="quiz-hint">
          The details of this older attempt are no longer kept; its summary is in your history.
        </p>
      )}
    </div>
  );
}
