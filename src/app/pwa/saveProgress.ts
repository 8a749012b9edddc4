import { OFFLINE_FILES } from './offlineFiles';

/** How the first save for offline use is going. */
export interface OfflineSave {
  phase: 'saving' | 'done' | 'failed';
  /** Bytes in the precache so far (files when the sizes are unknown). */
  saved: number;
  /** Bytes the precache will hold, when the build's list could be read. */
  total?: number;
}

const POLL_MS = 500;

/**
 * Follows a service worker's first install, the one that downloads the whole course: how much of
 * the build's list (OFFLINE_FILES) is in Workbox's precache, until the worker is activated (the
 * course now works offline) or fails (quota, a failed download). Nothing to follow when a worker
 * is already active: that visit saves only an update, and the update prompt speaks for it.
 * Returns a function that stops following.
 */
export function followFirstSave(
  registration: ServiceWorkerRegistration,
  onChange: (s: OfflineSave) => void,
): () => void {
  const worker = registration.installing;
  if (!worker || registration.active) return () => undefined;
  let stopped = false;
  let sizes: Map<string, number> | undefined;
  let total: number | undefined;
  const scope = new URL(registration.scope);

  const report = async () => {
    const saved = await savedSoFar(scope, sizes);
    if (!stopped) onChange({ phase: 'saving', saved, total });
  };
  const finish = (phase: 'done' | 'failed') => {
    if (stopped) return;
    stop();
    onChange({ phase, saved: total ?? 0, total });
  };
  const onState = () => {
    if (worker.state === 'activated') finish('done');
    else if (worker.state === 'redundant') finish('failed');
  };
  const timer = setInterval(() => void report(), POLL_MS);
  worker.addEventListener('statechange', onState);
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    worker.removeEventListener('statechange', onState);
  };

  fetch(new URL(OFFLINE_FILES, scope))
    .then((r) => (r.ok ? (r.json() as Promise<{ files?: Record<string, number> }>) : undefined))
    .then((list) => {
      if (!list?.files) return;
      sizes = new Map(Object.entries(list.files));
      total = [...sizes.values()].reduce((a, b) => a + b, 0);
    })
    .catch(() => undefined)
    .finally(() => void report());
  onState();
  return stop;
}

/** Bytes of the listed files already in the precache (or the number of files, without a list). */
async function savedSoFar(scope: URL, sizes: Map<string, number> | undefined): Promise<number> {
  try {
    const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
    if (!name) return 0;
    const requests = await (await caches.open(name)).keys();
    if (!sizes) return requests.length;
    let bytes = 0;
    for (const request of requests) {
      const path = new URL(request.url).pathname;
      const relative = path.startsWith(scope.pathname) ? path.slice(scope.pathname.length) : path.slice(1);
      bytes += sizes.get(decodeURI(relative)) ?? 0;
    }
    return bytes;
  } catch {
    return 0;
  }
}

/** "12 MB", or "2.4 MB" under ten. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}
