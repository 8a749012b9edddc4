import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { bank, bankIndex } from '../course/questions';
import { type Attempt, createAttempt } from '../quiz/attempt';
import { reduceAttempt } from '../quiz/reduceAttempt';
import { scoreAttempt } from '../quiz/scoreAttempt';
import { lessonCheck } from '../quiz/selectQuestions';
import { markLessonReadOnce } from '../store/actions';
import { useAppStore } from '../store/store';
import { currentOrder } from '../ui/question/OrderingInput';
import { QuestionView } from '../ui/question/QuestionView';
import { learn } from './learn';

/**
 * "Check yourself" at the end of a lesson (its own chunk: the bank and the engine load only when a
 * lesson is open): 3–5 of the lesson's own questions, each answered in place and checked at once,
 * with every option explained. Each check updates the question's review card and latest answer as
 * practice does; answering the whole check counts the lesson as read.
 */
export default function LessonCheck({ slug }: { slug: string }) {
  const questions = useMemo(() => lessonCheck(bank, slug, useAppStore.getState().questionResults), [slug]);
  const [attempt, setAttempt] = useState<Attempt>(() =>
    createAttempt({ id: `check-${slug}`, mode: 'practice', questions, seed: slug, now: Date.now(), keepOrder: true }),
  );
  if (questions.length === 0) return <p className="quiz-muted">This lesson has no questions of its own yet.</p>;

  const answer = (questionId: string, given: string[]) =>
    setAttempt((a) => reduceAttempt(a, { type: 'answer', questionId, answer: given, at: Date.now() }));
  const check = (id: string) => {
    const now = Date.now();
    const item = attempt.questions.find((q) => q.id === id);
    let next = attempt;
    // An ordering question left as shown is answered as shown, as practice does.
    if (item?.type === 'ordering' && !next.entries[id]?.answer.length)
      next = reduceAttempt(next, { type: 'answer', questionId: id, answer: currentOrder(item, []), at: now });
    next = reduceAttempt(next, { type: 'check', questionId: id, at: now });
    setAttempt(next);
    const outcome = scoreAttempt(next, bankIndex).outcomes.find((o) => o.id === id);
    if (outcome) learn([outcome], now);
    if (next.questions.every((q) => next.entries[q.id]?.checked)) markLessonReadOnce(slug, now);
  };

  const outcomes = scoreAttempt(attempt, bankIndex).outcomes;
  const checked = outcomes.filter((o) => attempt.entries[o.id]?.checked);
  const right = checked.filter((o) => o.correct).length;
  const done = checked.length === attempt.questions.length;

  return (
    <>
      <header className="lesson-check-head">
        <p className="quiz-muted" aria-live="polite">
          {done
            ? `${right} of ${checked.length} right. Every option is explained below.`
            : `${attempt.questions.length} questions on this lesson, exam style. ${checked.length ? `${checked.length} checked, ${right} right.` : 'Answer each and check it.'}`}
        </p>
      </header>
      <ol className="lesson-check-list">
        {attempt.questions.map((item, index) => {
          const entry = attempt.entries[item.id];
          const isChecked = entry?.checked ?? false;
          const outcome = outcomes.find((o) => o.id === item.id);
          const complete = item.type === 'ordering' || (entry?.answer.length ?? 0) === item.pick;
          return (
            <li key={item.id} className="lesson-check-item">
              <QuestionView
                item={item}
                entry={entry}
                index={index}
                total={attempt.questions.length}
                level={3}
                reviewing={isChecked}
                onAnswer={(given) => answer(item.id, given)}
              >
                <div className="quiz-verdict-slot" role="status">
                  {isChecked && (
                    <p className={outcome?.correct ? 'quiz-verdict is-right' : 'quiz-verdict is-wrong'}>
                      {outcome?.correct ? '✓ Correct.' : '✗ Not quite.'}{' '}
                      <span>
                        {outcome?.correct ? 'Every option is explained below.' : 'See why below, option by option.'}
                      </span>
                    </p>
                  )}
                </div>
              </QuestionView>
              {!isChecked && (
                <div className="quiz-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={!complete}
                    onClick={() => check(item.id)}
                  >
                    Check answer
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {done && (
        <p className="lesson-check-more">
          <Link href="/quiz">More questions in the quiz</Link> · <Link href="/readiness">See your readiness</Link>
        </p>
      )}
    </>
  );
}
