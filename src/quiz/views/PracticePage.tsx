import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { bankIndex } from '../../course/questions';
import { useAppStore } from '../../store/store';
import { currentOrder } from '../../ui/question/OrderingInput';
import { QuestionView } from '../../ui/question/QuestionView';
import { scoreAttempt } from '../scoreAttempt';
import { QuestionSources } from './LessonLink';
import { act, finish, resume } from './session';
import { usePage } from './useNow';

/** Practice: answer, check, and see at once why each option is right or wrong. */
export function PracticePage() {
  const active = useAppStore((s) => s.quizActive.practice);
  const [, navigate] = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  usePage(active ? active.label : 'Practice');

  useEffect(() => {
    resume('practice');
    return () => void act('practice', { type: 'tick' });
  }, []);

  if (!active)
    return (
      <div className="page quiz-page">
        <p className="eyebrow">Practice</p>
        <h1>No practice session in progress</h1>
        <p>
          <Link href="/quiz">Choose a set of questions</Link> to practise.
        </p>
      </div>
    );

  const { attempt, label } = active;
  const item = attempt.questions[attempt.current];
  if (!item) return null;
  const entry = attempt.entries[item.id];
  const question = bankIndex.get(item.id);
  const total = attempt.questions.length;
  const checked = entry?.checked ?? false;
  const complete = item.type === 'ordering' || (entry?.answer.length ?? 0) === item.pick;
  const last = attempt.current === total - 1;
  const outcomes = scoreAttempt(attempt, bankIndex).outcomes.filter((o) => attempt.entries[o.id]?.checked);
  const done = outcomes.length;
  const right = outcomes.filter((o) => o.correct).length;
  const correct = outcomes.some((o) => o.id === item.id && o.correct);

  const goTo = (event: { type: 'next' } | { type: 'prev' }) => {
    act('practice', event);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const check = () => {
    if (item.type === 'ordering' && !entry?.answer.length)
      act('practice', { type: 'answer', questionId: item.id, answer: currentOrder(item, []) });
    act('practice', { type: 'check', questionId: item.id });
  };
  const end = () => {
    const id = finish('practice');
    if (id) navigate(`/quiz/results/${id}`);
  };

  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Practice</p>
        <h1>{label}</h1>
        <div className="quiz-progress">
          <div className="progress-bar" aria-hidden="true">
            <div className="progress-fill" style={{ width: `${(done / total) * 100}%` }} />
          </div>
          <p className="quiz-progress-text">
            {done} of {total} checked · {right} right
          </p>
        </div>
      </header>
      <QuestionView
        key={item.id}
        item={item}
        entry={entry}
        index={attempt.current}
        total={total}
        showMeta
        reviewing={checked}
        headingRef={heading}
        onAnswer={(answer) => act('practice', { type: 'answer', questionId: item.id, answer })}
      >
        <div className="quiz-verdict-slot" role="status">
          {checked && (
            <p className={correct ? 'quiz-verdict is-right' : 'quiz-verdict is-wrong'}>
              {correct ? '✓ Correct.' : '✗ Not quite.'}{' '}
              <span>{correct ? 'Every option is explained below.' : 'See why below, option by option.'}</span>
            </p>
          )}
        </div>
      </QuestionView>
      {checked && question && <QuestionSources question={question} />}
      <div className="quiz-actions quiz-nav">
        <button
          type="button"
          className="button"
          disabled={attempt.current === 0}
          onClick={() => goTo({ type: 'prev' })}
        >
          ← Previous
        </button>
        {!last || !checked ? (
          <button type="button" className="button quiz-quiet" onClick={end}>
            Finish now
          </button>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={!checked && !complete}
          onClick={checked ? (last ? end : () => goTo({ type: 'next' })) : check}
        >
          {checked ? (last ? 'See results' : 'Next question →') : 'Check answer'}
        </button>
      </div>
    </div>
  );
}
