import { useId, useState } from 'react';
import { bank } from '../../course/questions';
import { DOMAINS, type DomainId, DVA_C02 } from '../../schema/dva-c02';
import { drawBlueprint } from '../drawBlueprint';
import { blueprintFor, CUSTOM_RANGE, EXAM_PRESETS, type ExamKind, type ExamSetup, normalizeSetup } from '../examSetup';
import { startExam } from './session';
import { usePage } from './useNow';

const KINDS: { kind: ExamKind; title: string; detail: string }[] = [
  {
    kind: 'full',
    title: 'Full exam',
    detail: `${EXAM_PRESETS.full.questions} questions in ${EXAM_PRESETS.full.minutes} minutes, ${DVA_C02.unscoredCount} of them unscored, as on the real exam. Scaled score, 100–1,000.`,
  },
  {
    kind: 'short',
    title: 'Short exam',
    detail: `${EXAM_PRESETS.short.questions} questions in ${EXAM_PRESETS.short.minutes} minutes. Right and unanswered per domain; too few questions for a scaled score.`,
  },
  { kind: 'custom', title: 'Custom', detail: 'Your length and time, any domains. Scaled score, 100–1,000.' },
];

/** Before the exam: choose its length, domains and focus mode; what it holds; its rules; start. */
export function ExamIntro({ minutes, notice }: { minutes?: number; notice?: string }) {
  usePage('Timed exam');
  const id = useId();
  const [setup, setSetup] = useState<ExamSetup>({ kind: 'full', questions: 30, minutes: 60, domains: [], focus: true });
  const change = (over: Partial<ExamSetup>) => setSetup((s) => ({ ...s, ...over }));
  const runs = normalizeSetup(setup);
  // A preview draw (cheap): what the bank can give for this setup, in a sentence.
  const draw = drawBlueprint(bank, blueprintFor(runs), 'preview');
  const chosen = (d: DomainId) => setup.domains.length === 0 || setup.domains.includes(d);
  const toggleDomain = (d: DomainId) => {
    const all = DOMAINS.map((x) => x.id);
    const current = setup.domains.length ? setup.domains : all;
    const next = current.includes(d) ? current.filter((x) => x !== d) : [...current, d];
    change({ domains: next.length === all.length ? [] : next });
  };
  const chosenCount = DOMAINS.filter((d) => chosen(d.id)).length;

  return (
    <div className="page quiz-page">
      <header className="quiz-header">
        <p className="eyebrow">Timed exam · {DVA_C02.code}</p>
        <h1>Set up your exam</h1>
        <p className="lede">
          Multiple choice and multiple response only, drawn by the DVA-C02 domain weights. No feedback until you submit.
        </p>
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
      <form
        className="card quiz-panel exam-setup"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          startExam(runs, minutes);
        }}
      >
        <h2 id={`${id}-title`}>Your exam</h2>
        <fieldset className="exam-kinds">
          <legend>Length</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className={setup.kind === k.kind ? 'exam-kind is-selected' : 'exam-kind'}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={k.kind}
                checked={setup.kind === k.kind}
                onChange={() => change({ kind: k.kind })}
              />
              <span className="exam-kind-text">
                <span className="exam-kind-title">{k.title}</span>
                <span className="exam-kind-detail">{k.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {setup.kind === 'custom' && (
          <div className="quiz-fields">
            <NumberField
              id={`${id}-questions`}
              label="Questions"
              range={CUSTOM_RANGE.questions}
              value={setup.questions}
              onChange={(questions) => change({ questions })}
            />
            <NumberField
              id={`${id}-minutes`}
              label="Minutes"
              range={CUSTOM_RANGE.minutes}
              value={setup.minutes}
              onChange={(minutes) => change({ minutes })}
            />
          </div>
        )}
        {setup.kind !== 'full' && (
          <fieldset className="exam-domains">
            <legend>Domains</legend>
            {DOMAINS.map((d) => (
              <label key={d.id} className="exam-check">
                <input
                  type="checkbox"
                  checked={chosen(d.id)}
                  // At least one domain stays chosen.
                  disabled={chosenCount === 1 && chosen(d.id)}
                  onChange={() => toggleDomain(d.id)}
                />
                {d.id}. {d.title} <span className="quiz-muted">({d.weight}%)</span>
              </label>
            ))}
          </fieldset>
        )}
        <label className="exam-check exam-focus">
          <input type="checkbox" checked={setup.focus} onChange={(e) => change({ focus: e.target.checked })} />
          Focus mode: hide the course outline and the navigation while the exam runs
        </label>
        <p className="quiz-hint" aria-live="polite">
          {draw.degraded
            ? draw.note
            : `${draw.questions.length} questions${draw.unscoredIds.length ? ` (${draw.unscoredIds.length} unscored)` : ''} in ${Math.round(draw.timeLimitMs / 60_000)} minutes.`}
        </p>
        <button type="submit" className="button button-primary button-large" disabled={draw.questions.length === 0}>
          Start the exam
        </button>
      </form>
      <section className="card quiz-panel" aria-labelledby="rules-title">
        <h2 id="rules-title">How it works</h2>
        <ul className="quiz-rules">
          <li>No feedback until you submit. Flag any question to come back to it from the palette.</li>
          <li>Before you submit, a review screen lists the questions still unanswered and those you flagged.</li>
          <li>
            The clock is wall time, as in the real exam: it keeps running if you leave or reload, and your exam resumes
            where you were. When the time is up, the exam is submitted as it stands.
          </li>
          <li>
            Unanswered questions count as wrong in the score, there is no penalty for guessing, and a multiple-response
            question counts only when every choice is right.
          </li>
          <li>
            The full exam has unscored questions, as the real one does, and you cannot tell which. Full and custom exams
            get a scaled score from 100 to 1,000; {DVA_C02.passingScaled} passes.
          </li>
        </ul>
      </section>
    </div>
  );
}

/** A number field of the custom exam; an emptied field holds NaN and shows empty (normalizeSetup clamps it on start). */
function NumberField(props: {
  id: string;
  label: string;
  range: { min: number; max: number };
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="quiz-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.range.min}
        max={props.range.max}
        value={Number.isFinite(props.value) ? props.value : ''}
        onChange={(e) => props.onChange(e.target.valueAsNumber)}
      />
    </div>
  );
}
