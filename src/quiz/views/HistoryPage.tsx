import { Link } from 'wouter';
import { useAppStore } from '../../store/store';
import { formatShortDate, percent } from './format';
import { ScoreChart } from './ScoreChart';
import { usePage } from './useNow';

/** Every finished attempt: the score over time, then the list, newest first. */
export function HistoryPage() {
  usePage('Quiz history');
  const history = useAppStore((s) => s.quizHistory);
  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Quiz</p>
        <h1>Your history</h1>
        <p className="lede">Scaled scores of your exams and practice sessions, kept in this browser only.</p>
      </header>
      {history.length === 0 ? (
        <p>
          No attempts yet. <Link href="/quiz">Start a practice session or an exam</Link>.
        </p>
      ) : (
        <>
          <section aria-labelledby="chart-title" className="card quiz-panel">
            <h2 id="chart-title">Score over time</h2>
            <ScoreChart records={history} />
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
            <th scope="col" className="quiz-col-right">
              Right
            </th>
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
              <td className="quiz-col-right">
                {r.correct}/{r.total} <span className="quiz-muted">({percent(r.total ? r.correct / r.total : 0)})</span>
              </td>
              <td>
                <span
                  className={r.mode === 'exam' ? (r.passed ? 'quiz-pill is-right' : 'quiz-pill is-wrong') : 'quiz-pill'}
                >
                  {r.scaled}
                  {r.mode === 'exam' ? (r.passed ? ' · pass' : ' · fail') : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
