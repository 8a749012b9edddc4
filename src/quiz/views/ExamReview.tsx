import { useEffect, useRef } from 'react';
import { type Attempt, paletteOf } from '../attempt';

interface Props {
  attempt: Attempt;
  onGoto: (index: number) => void;
  onSubmit: () => void;
  onBack: () => void;
}

/**
 * Before submitting: the questions still unanswered and those flagged for review, each a way back to
 * it, then "Submit exam". Escape or "Back to the exam" returns to the question on screen.
 */
export function ExamReview({ attempt, onGoto, onSubmit, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const cells = paletteOf(attempt);
  const unanswered = cells.filter((c) => !c.answered);
  const flagged = cells.filter((c) => c.flagged);
  const list = (items: typeof cells, what: string) => (
    <ul className="exam-review-list" aria-label={what}>
      {items.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className={`quiz-cell${c.answered ? ' is-answered' : ''}${c.flagged ? ' is-flagged' : ''}`}
            aria-label={`Go to question ${c.index + 1}`}
            onClick={() => onGoto(c.index)}
          >
            {c.index + 1}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <section
      className="card exam-review"
      aria-labelledby="exam-review-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onBack();
      }}
    >
      <h2 id="exam-review-title" ref={heading} tabIndex={-1}>
        Review before you submit
      </h2>
      <p className="exam-review-summary">
        {cells.length - unanswered.length} of {cells.length} questions answered
        {flagged.length ? `, ${flagged.length} flagged for review` : ''}.
      </p>
      <div className="exam-review-group">
        <h3>Unanswered ({unanswered.length})</h3>
        {unanswered.length ? (
          <>
            <p className="quiz-muted">They count as wrong if you submit now. Choose one to answer it.</p>
            {list(unanswered, 'Unanswered questions')}
          </>
        ) : (
          <p className="quiz-muted">Every question has an answer.</p>
        )}
      </div>
      <div className="exam-review-group">
        <h3>Flagged for review ({flagged.length})</h3>
        {flagged.length ? list(flagged, 'Flagged questions') : <p className="quiz-muted">No question is flagged.</p>}
      </div>
      <p className="quiz-muted">You cannot change your answers after submitting.</p>
      <div className="quiz-actions">
        <button type="button" className="button button-primary" onClick={onSubmit}>
          Submit exam
        </button>
        <button type="button" className="button" onClick={onBack}>
          Back to the exam
        </button>
      </div>
    </section>
  );
}
