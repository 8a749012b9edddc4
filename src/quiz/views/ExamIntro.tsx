import { useMemo } from 'react';
import { bank } from '../../course/questions';
import { DVA_C02 } from '../../schema/dva-c02';
import { drawBlueprint, EXAM_BLUEPRINT } from '../drawBlueprint';
import { startExam } from './session';
import { usePage } from './useNow';

/** Before the exam: what it holds, its rules, and the start button. */
export function ExamIntro({ minutes, notice }: { minutes?: number; notice?: string }) {
  usePage('Timed exam');
  const draw = useMemo(() => drawBlueprint(bank, EXAM_BLUEPRINT, 'preview'), []);
  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Timed exam · {DVA_C02.code}</p>
        <h1>An exam under real conditions</h1>
        <p className="lede">{draw.note}</p>
      </header>
      {notice && (
        <p className="callout callout-warning" role="alert">
          {notice}
        </p>
      )}
      {minutes !== undefined && (
        <p className="callout callout-note">
          This exam runs on a short clock of {minutes} minute{minutes === 1 ? '' : 's'}, set by the page address.
        </p>
      )}
      <section className="card quiz-panel" aria-labelledby="rules-title">
        <h2 id="rules-title">How it works</h2>
        <ul className="quiz-rules">
          <li>No feedback until you submit. Flag any question to come back to it from the palette.</li>
          <li>
            The clock is wall time, as in the real exam: it keeps running if you leave or reload, and your exam resumes
            where you were.
          </li>
          <li>When the time is up, the exam is submitted as it stands.</li>
          <li>
            Unanswered questions count as wrong, there is no penalty for guessing, and a multiple-response question
            counts only when every choice is right.
          </li>
          <li>
            Some questions are unscored, as on the real exam, and you cannot tell which. The score is scaled from 100 to
            1,000; {DVA_C02.passingScaled} passes.
          </li>
        </ul>
        <button
          type="button"
          className="button button-primary button-large"
          disabled={draw.questions.length === 0}
          onClick={() => startExam(minutes)}
        >
          Start the exam
        </button>
      </section>
    </div>
  );
}
