import { useEffect, useState } from 'react';

export type OfflineStatus = 'checking' | 'ready' | 'preparing' | 'unavailable';

/**
 * Whether this browser holds the offline copy: an active service worker has finished its install,
 * and Workbox's install step is the precache of the whole app, so "active" means "works offline".
 */
export function useOfflineStatus(): OfflineStatus {
  const [status, setStatus] = useState<OfflineStatus>('checking');
  useEffect(() => {
    let live = true;
    const set = (s: OfflineStatus) => live && setStatus(s);
    const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!sw) {
      set('unavailable');
      return;
    }
    sw.getRegistration()
      .then((registration) => {
        if (!registration) return set('unavailable');
        if (registration.active) return set('ready');
        set('preparing');
        return sw.ready.then(() => set('ready'));
      })
      .catch(() => set('unavailable'));
    return () => {
      live = false;
    };
  }, []);
  return status;
}
