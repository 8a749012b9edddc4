import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { bankIndex } from '../../course/questions';
import { DVA_C02 } from '../../schema/dva-c02';
import { useAppStore } from '../../store/store';
import { SCALED_SCORE_EXPLANATION } from '../scaledScore';
import { missedQuestionIds, scoreAttempt } from '../scoreAttempt';
import { DomainBars } from './DomainBars';
import { formatDate, formatDuration, percent } from './format';
import { ResultsList } from './ResultsList';
import { retakeMisses } from './session';
import { usePage } from './useNow';

/** An attempt's results: scaled score and pass line, domains, every answer explained, retake the misses. */
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
  const misses = result ? missedQuestionIds(result).length : 0;
  const raw = result?.raw ?? {
    correct: record.correct,
    total: record.total,
    ratio: record.total ? record.correct / record.total : 0,
  };
  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">
          Results · {formatDate(record.submittedAt)}
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
          <p className="quiz-score-number">
            {record.scaled}
            <span className="quiz-score-scale"> / {DVA_C02.maxScaled}</span>
          </p>
          <p className="quiz-score-caption">{exam ? 'Scaled score' : 'Exam-style scaled score'}</p>
        </div>
        <div className="quiz-score-side">
          {exam ? (
            <p className={record.passed ? 'quiz-pass is-pass' : 'quiz-pass is-fail'}>
              {record.passed ? '✓ Pass' : '✗ Below the pass line'}
              <span className="quiz-pass-line"> ({DVA_C02.passingScaled} needed)</span>
            </p>
          ) : null}
          <p>
            {raw.correct} of {raw.total} {exam ? 'scored questions' : 'questions'} right ({percent(raw.ratio)})
          </p>
          {result && (
            <div className="quiz-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={misses === 0}
                onClick={() => retakeMisses(record) && navigate('/quiz/practice')}
              >
                {misses === 0 ? 'No misses to retake' : `Retake the misses (${misses})`}
              </button>
              <Link href="/quiz" className="button">
                Back to the quiz
              </Link>
            </div>
          )}
        </div>
      </section>
      <div className="callout callout-note quiz-scaling">
        <p className="callout-title">How this score is computed</p>
        <p>{SCALED_SCORE_EXPLANATION}</p>
      </div>
      {result ? (
        <>
          <section aria-labelledby="domains-title">
            <h2 id="domains-title">By domain</h2>
            <DomainBars result={result} />
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
        <p className="quiz-hint">The details of this older attempt are no longer kept; its score is in your history.</p>
      )}
    </div>
  );
}
