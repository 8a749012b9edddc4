import { bankIndex } from '../../course/questions';
import { plainText } from '../../ui/question/labels';
import { QuestionView } from '../../ui/question/QuestionView';
import type { Attempt } from '../attempt';
import type { AttemptResult, QuestionOutcome } from '../scoreAttempt';
import { formatDuration } from './format';
import { QuestionSources } from './LessonLink';

function verdict(o: QuestionOutcome): { text: string; className: string } {
  if (!o.answered) return { text: 'Unanswered', className: 'is-skipped' };
  if (o.correct) return { text: 'Correct', className: 'is-right' };
  if (o.credit > 0) return { text: `Partly right (${Math.round(o.credit * 100)}%)`, className: 'is-partial' };
  return { text: 'Wrong', className: 'is-wrong' };
}

/** Every question of the attempt: the learner's answer beside the key, explanations, time spent. */
export function ResultsList({ attempt, result }: { attempt: Attempt; result: AttemptResult }) {
  const outcomes = new Map(result.outcomes.map((o) => [o.id, o]));
  return (
    <ol className="quiz-results-list">
      {attempt.questions.map((item, index) => {
        const outcome = outcomes.get(item.id);
        const question = bankIndex.get(item.id);
        if (!outcome || !question) return null;
        const v = verdict(outcome);
        const stem = plainText(question.stem);
        return (
          <li key={item.id}>
            <details className={`quiz-result ${v.className}`}>
              <summary>
                <span className="quiz-result-number">{index + 1}</span>
                <span className="quiz-result-stem">{stem.length > 110 ? `${stem.slice(0, 108)}…` : stem}</span>
                <span className="quiz-result-meta">
                  <span className={`quiz-pill ${v.className}`}>{v.text}</span>
                  {outcome.flagged && <span className="quiz-pill">⚑ Flagged</span>}
                  <span className="quiz-result-time">{formatDuration(outcome.timeMs)}</span>
                </span>
              </summary>
              <div className="quiz-result-body">
                <QuestionView
                  item={item}
                  entry={attempt.entries[item.id]}
                  index={index}
                  total={attempt.questions.length}
                  level={3}
                  showMeta
                  reviewing
                />
                <p className="quiz-time-line">
                  Time on this question: {formatDuration(outcome.timeMs)}
                  {outcome.changes > 0 ? ` · answer changed ${outcome.changes}×` : ''}
                </p>
                <QuestionSources question={question} />
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
