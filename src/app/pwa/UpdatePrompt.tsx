/// <reference types="vite-plugin-pwa/react" />

import { useRegisterSW } from 'virtual:pwa-register/react';
import { useEffect, useRef, useState } from 'react';
import { flushBeforeReload } from '../../ui/flushBeforeReload';
import { OfflineProgress } from './OfflineProgress';
import { followFirstSave, type OfflineSave } from './saveProgress';

/** Look for a new version this often while the app stays open (browsers also check on each visit). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
/**
 * The longest debounced save in the app (the lab's draft, 300 ms) plus a margin: waited out before
 * the reload, in case a component has not registered its flush with `onBeforeReload`.
 */
const SETTLE_MS = 400;

/**
 * Registers the service worker. On the first visit, says how the download for offline use goes
 * (OfflineProgress). When a new version is waiting it asks "Reload to update": the page reloads
 * only when the learner clicks it in this tab, pending saves flushed first, then the waiting
 * worker is activated and the page reloads once it controls it. If another tab activated it, this
 * tab keeps the prompt (its own work unsaved until the learner chooses), now saying the update is
 * ready.
 */
export function UpdatePrompt() {
  const requested = useRef(false);
  const [busy, setBusy] = useState(false);
  const [activatedElsewhere, setActivatedElsewhere] = useState(false);
  const [save, setSave] = useState<OfflineSave>();
  const stopFollowing = useRef<() => void>(undefined);
  useEffect(() => () => stopFollowing.current?.(), []);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      stopFollowing.current = followFirstSave(registration, setSave);
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onNeedReload() {
      if (requested.current) {
        flushBeforeReload();
        window.location.reload();
      } else setActivatedElsewhere(true);
    },
  });

  const update = async () => {
    setBusy(true);
    requested.current = true;
    flushBeforeReload();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (activatedElsewhere) window.location.reload();
    else await updateServiceWorker();
  };

  return (
    <>
      {save && <OfflineProgress save={save} />}
      {needRefresh && (
        <section className="update-prompt" aria-labelledby="update-prompt-title">
          <div role="status">
            <p id="update-prompt-title" className="update-prompt-title">
              A new version of Secrets Lab is ready.
            </p>
            <p className="update-prompt-text">Your drafts and progress are saved; reload when it suits you.</p>
          </div>
          <div className="update-prompt-actions">
            <button type="button" className="button button-primary" onClick={update} disabled={busy}>
              {busy ? 'Updating…' : 'Reload to update'}
            </button>
            <button type="button" className="button" onClick={() => setNeedRefresh(false)} disabled={busy}>
              Later
            </button>
          </div>
        </section>
      )}
    </>
  );
}
