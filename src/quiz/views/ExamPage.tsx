import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { ActiveAttempt } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { QuestionView } from '../../ui/question/QuestionView';
import { deadlineOf, isAnswered } from '../attempt';
import { Countdown } from './Countdown';
import { ExamIntro } from './ExamIntro';
import { ExamReview } from './ExamReview';
import { Palette } from './Palette';
import { act, finish, resume, setExamFocus } from './session';
import { useNow, usePage } from './useNow';
import './exam.css';

/** `?minutes=` shortens the clock of a new exam (tests, short drills); only this page reads it. */
function minutesFrom(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('minutes'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The timed exam: its intro when none is running, else the exam in progress, resumed after a reload. */
export function ExamPage() {
  const active = useAppStore((s) => s.quizActive.exam);
  const search = useSearch();
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    const resumed = resume('exam');
    if (resumed.finishedId) navigate(`/quiz/results/${resumed.finishedId}`, { replace: true });
    if (resumed.error) setNotice(`Your exam in progress could not be restored. ${resumed.error}.`);
    // Time on screen is charged to the question up to leaving; the time away is not.
    const leave = () => act('exam', { type: 'tick' });
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [navigate]);

  if (!active) return <ExamIntro minutes={minutesFrom(search)} notice={notice} />;
  return <ExamRunner active={active} onFinished={(id) => navigate(`/quiz/results/${id}`)} />;
}

/** Focus mode: while the exam runs, the shell hides the course outline and the navigation (styles.css). */
function useFocusMode(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const root = document.documentElement;
    root.dataset.focus = 'exam';
    return () => {
      delete root.dataset.focus;
    };
  }, [on]);
}

function ExamRunner({ active, onFinished }: { active: ActiveAttempt; onFinished: (id: string) => void }) {
  usePage('Timed exam in progress');
  const { attempt } = active;
  const now = useNow(1000);
  const heading = useRef<HTMLHeadingElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const [reviewing, setReviewing] = useState(false);
  const remaining = Math.max(0, (deadlineOf(attempt) ?? now) - now);
  const timeUp = remaining <= 0;
  useFocusMode(active.focus);

  useEffect(() => {
    if (!timeUp) return;
    const outcome = act('exam', { type: 'tick' });
    if (outcome.finishedId) onFinished(outcome.finishedId);
  }, [timeUp, onFinished]);

  const run = (event: Parameters<typeof act>[1], focusQuestion = false) => {
    const outcome = act('exam', event);
    if (outcome.finishedId) return onFinished(outcome.finishedId);
    if (focusQuestion) requestAnimationFrame(() => heading.current?.focus());
  };

  const item = attempt.questions[attempt.current];
  if (!item) return null;
  const entry = attempt.entries[item.id];
  const total = attempt.questions.length;
  const unanswered = attempt.questions.filter((q) => !isAnswered(attempt.entries[q.id])).length;

  return (
    <div className="page quiz-page quiz-exam">
      <header className="quiz-exam-bar">
        <div>
          <p className="eyebrow">
            DVA-C02 · {total - unanswered} of {total} answered
          </p>
          <h1 className="quiz-exam-title">{active.label}</h1>
        </div>
        <Countdown remainingMs={remaining} />
        <div className="quiz-exam-tools">
          <button
            type="button"
            className="button button-compact quiz-quiet"
            aria-pressed={active.focus}
            onClick={() => setExamFocus(!active.focus)}
          >
            Focus mode
          </button>
          <button
            type="button"
            ref={submitButton}
            className="button button-primary"
            aria-expanded={reviewing}
            onClick={() => setReviewing(true)}
          >
            Review and submit
          </button>
        </div>
      </header>
      <div className="quiz-exam-layout">
        {reviewing ? (
          <ExamReview
            attempt={attempt}
            onGoto={(index) => {
              setReviewing(false);
              run({ type: 'goto', index }, true);
            }}
            onSubmit={() => {
              const id = finish('exam');
              if (id) onFinished(id);
            }}
            onBack={() => {
              setReviewing(false);
              requestAnimationFrame(() => heading.current?.focus());
            }}
          />
        ) : (
          <div className="quiz-exam-main">
            <QuestionView
              key={item.id}
              item={item}
              entry={entry}
              index={attempt.current}
              total={total}
              headingRef={heading}
              onAnswer={(answer) => run({ type: 'answer', questionId: item.id, answer })}
            />
            <div className="quiz-actions quiz-nav">
              <button
                type="button"
                className="button"
                disabled={attempt.current === 0}
                onClick={() => run({ type: 'prev' }, true)}
              >
                ← Previous
              </button>
              <button
                type="button"
                className={entry?.flagged ? 'button quiz-flag is-on' : 'button quiz-flag'}
                aria-pressed={entry?.flagged ?? false}
                onClick={() => run({ type: 'flag', questionId: item.id })}
              >
                <span aria-hidden="true">⚑</span> Flag for review
              </button>
              <button
                type="button"
                className="button"
                disabled={attempt.current === total - 1}
                onClick={() => run({ type: 'next' }, true)}
              >
                Next →
              </button>
            </div>
          </div>
        )}
        <Palette attempt={attempt} onGoto={(index) => run({ type: 'goto', index }, true)} />
      </div>
    </div>
  );
}
