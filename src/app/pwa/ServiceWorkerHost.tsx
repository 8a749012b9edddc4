import { useEffect, useState } from 'react';
import { UpdatePrompt } from './UpdatePrompt';

/**
 * The service worker registers this long after the page has loaded, and when the browser is
 * idle: its first install downloads the whole course (~25 MB), which must not compete with what
 * the first page still fetches and draws (a lesson's diagram renderer, the lab's editor).
 */
const REGISTER_AFTER_LOAD_MS = 2000;

/** Mounts UpdatePrompt (which registers the service worker) once the page has settled. */
export function ServiceWorkerHost() {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      timer = setTimeout(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => setSettled(true), { timeout: 3000 });
        else setSettled(true);
      }, REGISTER_AFTER_LOAD_MS);
    };
    if (document.readyState === 'complete') settle();
    else window.addEventListener('load', settle, { once: true });
    return () => {
      window.removeEventListener('load', settle);
      clearTimeout(timer);
    };
  }, []);
  return settled ? <UpdatePrompt /> : null;
}
