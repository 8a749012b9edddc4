import { useId, useRef } from 'react';

/** A button that asks first, in a modal dialog (focus trapped, Escape cancels). */
export function ConfirmButton(props: {
  label: string;
  question: string;
  confirm: string;
  onConfirm(): void;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={props.className ?? 'button'} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={id}>
        <p id={id}>{props.question}</p>
        <div className="dialog-actions">
          {/* biome-ignore lint/a11y/noAutofocus: a destructive confirmation starts on the safe choice. */}
          <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              dialog.current?.close();
              props.onConfirm();
            }}
          >
            {props.confirm}
          </button>
        </div>
      </dialog>
    </>
  );
}
