import { Link } from 'wouter';
import { useAppStore } from '../../store/store';
import { formatShortDate } from './format';
import { kindName, resultWords } from './recordWords';
import { ScoreChart, scoredExams } from './ScoreChart';
import { usePage } from './useNow';

/** Every finished attempt: the scaled score of full and custom exams over time, then the list, newest first. */
export function HistoryPage() {
  usePage('Quiz history');
  const history = useAppStore((s) => s.quizHistory);
  const exams = scoredExams(history);
  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Quiz</p>
        <h1>Your history</h1>
        <p className="lede">
          Your exams and practice sessions, kept in this browser only. Full and custom exams get a scaled score;
          practice and short exams count what you answered.
        </p>
      </header>
      {history.length === 0 ? (
        <p>
          No attempts yet. <Link href="/quiz">Start a practice session or an exam</Link>.
        </p>
      ) : (
        <>
          <section aria-labelledby="chart-title" className="card quiz-panel">
            <h2 id="chart-title">Exam score over time</h2>
            {exams.length > 0 ? (
              <ScoreChart records={exams} />
            ) : (
              <p className="quiz-muted">
                No full or custom exam yet: their scaled scores are drawn here.{' '}
                <Link href="/quiz/exam">Set up an exam</Link>
              </p>
            )}
          </section>
          <section aria-labelledby="attempts-title">
            <h2 id="attempts-title">Attempts</h2>
            <HistoryTable />
          </section>
        </>
      )}
    </div>
  );
}

/** The attempts, newest first, each linking to its results while their details are kept. */
export function HistoryTable({ limit }: { limit?: number }) {
  const history = useAppStore((s) => s.quizHistory);
  const rows = history.slice().reverse().slice(0, limit);
  return (
    <div className="quiz-table-wrap">
      <table className="quiz-table">
        <thead>
          <tr>
            <th scope="col">Finished</th>
            <th scope="col">Attempt</th>
            <th scope="col">Result</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatShortDate(r.submittedAt)}</td>
              <td>
                {r.attempt ? <Link href={`/quiz/results/${r.id}`}>{r.label}</Link> : r.label}
                {r.submitReason === 'time-up' ? <span className="quiz-pill">time up</span> : null}
              </td>
              <td>{resultWords(r)}</td>
              <td>
                {r.scaled !== undefined ? (
                  <span className={r.passed ? 'quiz-pill is-right' : 'quiz-pill is-wrong'}>
                    {r.scaled}
                    {r.passed ? ' · pass' : ' · fail'}
                  </span>
                ) : (
                  <span className="quiz-muted" title={`${kindName(r)}: no scaled score`}>
                    —<span className="sr-only">no scaled score ({kindName(r).toLowerCase()})</span>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
