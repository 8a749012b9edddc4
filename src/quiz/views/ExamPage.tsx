import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { ActiveAttempt } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { deadlineOf, isAnswered } from '../attempt';
import { Countdown } from './Countdown';
import { ExamIntro } from './ExamIntro';
import { Palette } from './Palette';
import { QuestionView } from './QuestionView';
import { SubmitConfirm } from './SubmitConfirm';
import { act, finish, resume } from './session';
import { useNow, usePage } from './useNow';

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

function ExamRunner({ active, onFinished }: { active: ActiveAttempt; onFinished: (id: string) => void }) {
  usePage('Timed exam in progress');
  const { attempt } = active;
  const now = useNow(1000);
  const heading = useRef<HTMLHeadingElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const remaining = Math.max(0, (deadlineOf(attempt) ?? now) - now);
  const timeUp = remaining <= 0;

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
  const flagged = attempt.questions.filter((q) => attempt.entries[q.id]?.flagged).length;

  return (
    <div className="page quiz-page quiz-exam">
      <header className="quiz-exam-bar">
        <div>
          <p className="eyebrow">
            DVA-C02 · {total - unanswered} of {total} answered
          </p>
          <h1 className="quiz-exam-title">Timed exam</h1>
        </div>
        <Countdown remainingMs={remaining} />
        <button
          type="button"
          ref={submitButton}
          className="button button-primary"
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          Submit exam
        </button>
      </header>
      {confirming && (
        <SubmitConfirm
          unanswered={unanswered}
          flagged={flagged}
          onSubmit={() => {
            const id = finish('exam');
            if (id) onFinished(id);
          }}
          onCancel={() => {
            setConfirming(false);
            submitButton.current?.focus();
          }}
        />
      )}
      <div className="quiz-exam-layout">
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
        <Palette attempt={attempt} onGoto={(index) => run({ type: 'goto', index }, true)} />
      </div>
    </div>
  );
}
