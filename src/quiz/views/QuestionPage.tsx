import { useState } from 'react';
import { Link } from 'wouter';
import { bankIndex } from '../../course/questions';
import { currentOrder } from '../../ui/question/OrderingInput';
import { QuestionView } from '../../ui/question/QuestionView';
import { type Attempt, createAttempt } from '../attempt';
import { reduceAttempt } from '../reduceAttempt';
import { scoreAttempt } from '../scoreAttempt';
import { QuestionSources } from './LessonLink';
import { usePage } from './useNow';

/**
 * `/quiz/question/<id>`: one question of the bank on its own page, where a search result leads.
 * Answer it and check, and every option is explained; or show the answer at once. It is a look-up,
 * not a session: it leaves any practice or exam in progress as it is, and records nothing.
 */
export function QuestionPage({ id }: { id: string }) {
  const question = bankIndex.get(id);
  usePage(question ? 'A question' : 'Question not found');
  const [attempt, setAttempt] = useState<Attempt | undefined>(() =>
    question
      ? createAttempt({ id: `look-up-${id}`, mode: 'practice', questions: [question], seed: id, now: Date.now() })
      : undefined,
  );
  const [revealed, setRevealed] = useState(false);
  if (!question || !attempt)
    return (
      <div className="page quiz-page">
        <h1>Question not found</h1>
        <p>
          There is no question “{id}” in this course’s bank. <Link href="/quiz">Back to the quiz</Link>
        </p>
      </div>
    );

  const item = attempt.questions[0];
  if (!item) return null;
  const entry = attempt.entries[id];
  const checked = (entry?.checked ?? false) || revealed;
  const complete = item.type === 'ordering' || (entry?.answer.length ?? 0) === item.pick;
  const correct = checked && scoreAttempt(attempt, bankIndex).outcomes.some((o) => o.id === id && o.correct);
  const check = () =>
    setAttempt((a) => {
      if (!a) return a;
      const now = Date.now();
      // An ordering question left as shown is answered as shown, as practice does.
      const answered =
        item.type === 'ordering' && !a.entries[id]?.answer.length
          ? reduceAttempt(a, { type: 'answer', questionId: id, answer: currentOrder(item, []), at: now })
          : a;
      return reduceAttempt(answered, { type: 'check', questionId: id, at: now });
    });

  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">From the question bank</p>
        <h1>A question</h1>
      </header>
      <QuestionView
        item={item}
        entry={entry}
        index={0}
        total={1}
        showMeta
        reviewing={checked}
        onAnswer={(given) =>
          setAttempt((a) => a && reduceAttempt(a, { type: 'answer', questionId: id, answer: given, at: Date.now() }))
        }
      >
        <div className="quiz-verdict-slot" role="status">
          {checked && entry?.answer.length ? (
            <p className={correct ? 'quiz-verdict is-right' : 'quiz-verdict is-wrong'}>
              {correct ? '✓ Correct.' : '✗ Not quite.'}{' '}
              <span>{correct ? 'Every option is explained below.' : 'See why below, option by option.'}</span>
            </p>
          ) : null}
        </div>
      </QuestionView>
      {!checked && (
        <div className="quiz-actions">
          <button type="button" className="button button-primary" disabled={!complete} onClick={check}>
            Check answer
          </button>
          <button type="button" className="button" onClick={() => setRevealed(true)}>
            Show the answer
          </button>
        </div>
      )}
      <QuestionSources question={question} />
      <p>
        <Link href="/quiz">More questions in the quiz</Link>
      </p>
    </div>
  );
}
