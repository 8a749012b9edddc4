import { DOMAINS, DVA_C02 } from '../../schema/dva-c02';
import type { DomainTally } from '../summarizeAttempt';
import { percent } from './format';

/**
 * One bar per domain the attempt covered, with the 72% line the scaled pass mark sits on. An exam's
 * bars count every scored question (unanswered ones as wrong, as DVA-C02 does); practice's count
 * the questions answered.
 */
export function DomainBars({ tallies, exam }: { tallies: readonly DomainTally[]; exam: boolean }) {
  return (
    <ul className="quiz-bars">
      {tallies.map((t) => {
        const domain = DOMAINS.find((d) => d.id === t.domain);
        const ratio = t.judged ? t.points / t.judged : 0;
        return (
          <li key={t.domain} className="quiz-bar-row">
            <div className="quiz-bar-label">
              <span>
                {domain?.title} <span className="quiz-bar-weight">({domain?.weight}% of the exam)</span>
              </span>
              <span className="quiz-bar-value">
                {t.correct} of {t.judged} {exam ? 'scored' : 'answered'} · {percent(ratio)}
              </span>
            </div>
            <div className="quiz-bar" aria-hidden="true">
              <div
                className={ratio >= 0.72 ? 'quiz-bar-fill is-pass' : 'quiz-bar-fill'}
                style={{ width: `${ratio * 100}%` }}
              />
              <span className="quiz-bar-mark" title={`${DVA_C02.passingScaled} line`} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
