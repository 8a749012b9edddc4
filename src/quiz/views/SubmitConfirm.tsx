import { useEffect, useRef } from 'react';

interface Props {
  unanswered: number;
  flagged: number;
  onSubmit: () => void;
  onCancel: () => void;
}

/** "Submit the exam?" with what is still open. Escape or "Keep working" returns to the exam. */
export function SubmitConfirm({ unanswered, flagged, onSubmit, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      className="quiz-confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="confirm-title" ref={heading} tabIndex={-1}>
        Submit the exam?
      </h2>
      <p id="confirm-text">
        {unanswered === 0
          ? 'Every question has an answer.'
          : `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered and will count as wrong.`}
        {flagged > 0 ? ` ${flagged} ${flagged === 1 ? 'is' : 'are'} flagged for review.` : ''} You cannot change your
        answers after submitting.
      </p>
      <div className="quiz-actions">
        <button type="button" className="button button-primary" onClick={onSubmit}>
          Submit now
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Keep working
        </button>
      </div>
    </div>
  );
}
