/**
 * What the learner must hear about their saved progress, at once: a save that failed, saved data
 * that could not be read. A tiny observable list (the shell shows it, `useSyncExternalStore`), kept
 * outside the persisted state so reporting a failed save can never itself need a save.
 */
export interface Notice {
  /** One notice per key: a later one with the same key replaces it. */
  key: string;
  text: string;
  /** Where to go to act on it. */
  link?: { href: string; label: string };
}

let notices: readonly Notice[] = [];
const listeners = new Set<() => void>();

export function addNotice(notice: Notice): void {
  notices = [...notices.filter((n) => n.key !== notice.key), notice];
  for (const listener of listeners) listener();
}

export function clearNotice(key: string): void {
  if (!notices.some((n) => n.key === key)) return;
  notices = notices.filter((n) => n.key !== key);
  for (const listener of listeners) listener();
}

export function getNotices(): readonly Notice[] {
  return notices;
}

export function subscribeNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
