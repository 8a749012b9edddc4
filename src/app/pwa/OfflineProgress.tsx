import { useEffect, useRef, useState } from 'react';
import { megabytes, type OfflineSave } from './saveProgress';

/** How long "now works offline" stays, unless the pointer or focus is on it. */
const DONE_SHOWN_MS = 12_000;

/**
 * The first visit's download for offline use, said out loud: "Saving for offline: 12 of 25 MB"
 * with a bar, then "Secrets Lab now works offline". The status line is a live region, so a screen
 * reader hears the start and the end (the bar's numbers are read on demand, not announced).
 */
export function OfflineProgress({ save }: { save: OfflineSave }) {
  const [hidden, setHidden] = useState(false);
  const [held, setHeld] = useState(false);
  const card = useRef<HTMLElement>(null);
  const done = save.phase === 'done';

  // A learner who hid the progress still hears that it finished.
  useEffect(() => {
    if (save.phase !== 'saving') setHidden(false);
  }, [save.phase]);

  useEffect(() => {
    if (!done || held) return;
    const timer = setTimeout(() => setHidden(true), DONE_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [done, held]);

  if (hidden) return null;
  const amount =
    save.total !== undefined ? `${megabytes(save.saved)} of ${megabytes(save.total)}` : `${save.saved} files so far`;
  return (
    <section
      ref={card}
      className={`offline-progress offline-${save.phase}`}
      aria-labelledby="offline-progress-title"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!card.current?.contains(e.relatedTarget as Node)) setHeld(false);
      }}
    >
      <div role="status">
        <p id="offline-progress-title" className="offline-progress-title">
          {save.phase === 'saving' && 'Saving the course for offline use'}
          {done && 'Secrets Lab now works offline'}
          {save.phase === 'failed' && 'The course could not be saved for offline use'}
        </p>
        {done && (
          <p className="offline-progress-text">
            Every lesson, exercise and quiz opens with no network, in this browser.
          </p>
        )}
        {save.phase === 'failed' && (
          <p className="offline-progress-text">
            Everything still works online. The browser may be short of storage; it tries again on your next visit.
          </p>
        )}
      </div>
      {/* Outside the live region: the amount changes twice a second and is read on demand, not announced. */}
      {save.phase === 'saving' && <p className="offline-progress-text">Saving for offline: {amount}</p>}
      <button type="button" className="button button-compact" onClick={() => setHidden(true)}>
        {save.phase === 'saving' ? 'Hide' : 'OK'}
      </button>
      {save.phase === 'saving' && (
        <progress
          className="offline-progress-bar"
          aria-label="Saved for offline use"
          max={save.total ?? undefined}
          value={save.total !== undefined ? save.saved : undefined}
        />
      )}
    </section>
  );
}
