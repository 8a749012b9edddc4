import { useEffect, useState } from 'react';
import { resetAllProgress } from '../store/snapshot';
import { useAppStore } from '../store/store';
import { ConfirmButton } from '../ui/ConfirmButton';
import { StoragePanel } from './StoragePanel';
import { summarizeProgress } from './summarizeProgress';
import { TransferPanel } from './TransferPanel';

/** /progress: what the app keeps about the learner, export / import, storage, and reset. */
export default function ProgressPage() {
  const state = useAppStore();
  const [version, setVersion] = useState(0);
  const [resetDone, setResetDone] = useState(false);
  useEffect(() => {
    document.title = 'Your progress · Secrets Lab';
  }, []);
  const changed = () => {
    setVersion((v) => v + 1);
    setResetDone(false);
  };

  return (
    <div className="page progress-page">
      <p className="eyebrow">Your data</p>
      <h1>Your progress</h1>
      <p className="lede">
        Everything Secrets Lab knows about you is on this page, and it stays in this browser: no account, no server, no
        tracking.
      </p>

      <section className="progress-card" aria-labelledby="stored-title">
        <h2 id="stored-title">What is stored</h2>
        <ul className="progress-summary">
          {summarizeProgress(state).map((line) => (
            <li key={line.label}>
              <span className="progress-count">{line.count}</span> {line.label}
              {line.detail && line.count > 0 && <span className="progress-note"> ({line.detail})</span>}
            </li>
          ))}
        </ul>
        <p className="progress-note">Also kept: your theme and editor settings.</p>
      </section>

      <TransferPanel onChanged={changed} />

      <StoragePanel version={version} />

      <section className="progress-card progress-danger" aria-labelledby="reset-title">
        <h2 id="reset-title">Start over</h2>
        <p>
          Deletes every lesson read, exercise result, draft, quiz attempt and review card from this browser. Export
          first to keep a copy.
        </p>
        <ConfirmButton
          label="Reset all progress"
          question="Reset all progress? Lessons read, exercise results, drafts, quiz history and review cards are deleted from this browser. This cannot be undone unless you exported them."
          confirm="Reset everything"
          className="button button-danger"
          onConfirm={() => {
            resetAllProgress();
            changed();
            setResetDone(true);
          }}
        />
        <div aria-live="polite">{resetDone && <p className="progress-message">All progress was reset.</p>}</div>
      </section>
    </div>
  );
}
