import { useId, useRef, useState } from 'react';
import { NAME_MAX } from '../store/progressFile';
import { describeDropped, describeReport, exportProgress, importProgress } from './transferProgress';

type Message = { kind: 'ok' | 'error'; text: string };

/** Export all progress as one JSON file; import one (validated, merged newest-first). */
export function TransferPanel({ onChanged }: { onChanged(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>();
  const [displayName, setDisplayName] = useState('');
  const nameId = useId();

  const download = () => {
    const { name, text } = exportProgress(new Date(), displayName);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage({ kind: 'ok', text: `Exported ${name}. Keep it somewhere safe, or import it in another browser.` });
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const outcome = importProgress(await file.text());
    if (input.current) input.current.value = '';
    if (!outcome.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${outcome.message}` });
      return;
    }
    const what = describeReport(outcome.report);
    const left = describeDropped(outcome.dropped);
    const text = what
      ? `Imported ${file.name}: ${what} were new or newer than what this browser had, and are saved.`
      : `Imported ${file.name}: nothing new, this browser already had everything in it (or newer).`;
    setMessage({ kind: 'ok', text: left ? `${text} ${left}` : text });
    onChanged();
  };

  return (
    <section className="progress-card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Move your progress</h2>
      <p>
        Your progress lives only in this browser. Export it as one JSON file to keep a copy or to continue in another
        browser; importing keeps the newest of each item, so nothing newer is overwritten.
      </p>
      <div className="progress-name">
        <label htmlFor={nameId}>Your name in the file (optional)</label>
        <input
          id={nameId}
          type="text"
          maxLength={NAME_MAX}
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          aria-describedby={`${nameId}-hint`}
        />
        <span id={`${nameId}-hint`} className="quiz-muted">
          Only if you hand the file to an instructor: their class report shows it. It is not kept in this browser.
        </span>
      </div>
      <div className="progress-actions">
        <button type="button" className="button button-primary" onClick={download}>
          Export progress
        </button>
        <button type="button" className="button" onClick={() => input.current?.click()}>
          Import progress…
        </button>
        <input
          ref={input}
          hidden
          type="file"
          aria-label="Progress file to import"
          accept="application/json,.json"
          onChange={(e) => void upload(e.target.files?.[0])}
        />
      </div>
      <div aria-live="polite">
        {message && (
          <p
            className={message.kind === 'error' ? 'progress-message error-text' : 'progress-message'}
            role={message.kind === 'error' ? 'alert' : undefined}
          >
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
