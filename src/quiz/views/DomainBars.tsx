import { DOMAINS, DVA_C02 } from '../../schema/dva-c02';
import type { AttemptResult } from '../scoreAttempt';
import { percent } from './format';

/** One bar per domain the attempt covered, with the 72% line the scaled pass mark sits on. */
export function DomainBars({ result }: { result: AttemptResult }) {
  const rows = DOMAINS.map((d) => ({ domain: d, tally: result.byDomain[d.id] })).filter((r) => r.tally.total > 0);
  return (
    <ul className="quiz-bars">
      {rows.map(({ domain, tally }) => (
        <li key={domain.id} className="quiz-bar-row">
          <div className="quiz-bar-label">
            <span>
              {domain.title} <span className="quiz-bar-weight">({domain.weight}% of the exam)</span>
            </span>
            <span className="quiz-bar-value">
              {tally.correct} of {tally.total} · {percent(tally.ratio)}
            </span>
          </div>
          <div className="quiz-bar" aria-hidden="true">
            <div
              className={tally.ratio >= 0.72 ? 'quiz-bar-fill is-pass' : 'quiz-bar-fill'}
              style={{ width: `${tally.ratio * 100}%` }}
            />
            <span className="quiz-bar-mark" title={`${DVA_C02.passingScaled} line`} />
          </div>
        </li>
      ))}
    </ul>
  );
}
