import { createJSONStorage, type StateStorage } from 'zustand/middleware';
import { formatChars, guardJson } from './jsonGuard';
import { addNotice, clearNotice } from './notices';

export const SAVE_FAILED = 'save-failed';
const PROGRESS_LINK = { href: '/progress', label: 'Your progress' };

/** Whether the last write reached the browser's storage, and why not. */
export type SaveOutcome = { saved: true } | { saved: false; reason: 'full' | 'blocked' };
let lastSave: SaveOutcome = { saved: true };
export function lastSaveOutcome(): SaveOutcome {
  return lastSave;
}

/**
 * After a rollback to state the browser already holds (a refused import), the failed writes in
 * between no longer matter: the saved entry is what the tab shows again.
 */
export function restoreSaveOutcome(outcome: SaveOutcome): void {
  lastSave = outcome;
  if (outcome.saved) clearNotice(SAVE_FAILED);
}

const ls = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * Keeps a copy of saved data under `<key>.corrupt-<time>` (listed, downloadable and removable on
 * /progress), so data the app cannot use is never lost, and says so.
 */
export function setAside(name: string, raw: string, why: string): void {
  const aside = `${name}.corrupt-${Date.now()}`;
  try {
    ls()?.setItem(aside, raw);
  } catch {
    /* no room: the notice still says what happened */
  }
  addNotice({
    key: `set-aside-${aside}`,
    text: `${why} A copy was set aside as "${aside}".`,
    link: PROGRESS_LINK,
  });
}

/**
 * localStorage that never throws. Saved text is checked before it is parsed (size and nesting,
 * `jsonGuard.ts`); text that fails the check or does not parse is set aside and the app starts from
 * defaults. A write the browser refuses (storage full, or blocked as in some private modes) is kept
 * in memory for this tab and reported at once, with what to do.
 */
export function safeLocalStorage(): StateStorage {
  const memory = new Map<string, string>();
  return {
    getItem(name) {
      let raw: string | null;
      try {
        raw = ls()?.getItem(name) ?? memory.get(name) ?? null;
      } catch {
        raw = memory.get(name) ?? null;
      }
      if (raw === null) return null;
      const problem = guardJson(raw);
      let readable = problem === undefined;
      if (readable) {
        try {
          JSON.parse(raw);
        } catch {
          readable = false;
        }
      }
      if (readable) return raw;
      const why =
        problem?.kind === 'size'
          ? `Saved progress was too large to read (${formatChars(problem.chars)}), so the app started fresh.`
          : problem?.kind === 'depth'
            ? 'Saved progress was nested too deeply to read, so the app started fresh.'
            : 'Saved progress could not be read, so the app started fresh.';
      setAside(name, raw, why);
      try {
        ls()?.removeItem(name);
      } catch {
        /* storage unavailable: the in-memory start is all we can do */
      }
      return null;
    },
    setItem(name, value) {
      memory.set(name, value);
      try {
        const storage = ls();
        if (!storage) throw new DOMException('No localStorage', 'SecurityError');
        storage.setItem(name, value);
        if (!lastSave.saved) clearNotice(SAVE_FAILED);
        lastSave = { saved: true };
      } catch (e) {
        const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
        lastSave = { saved: false, reason: full ? 'full' : 'blocked' };
        addNotice({
          key: SAVE_FAILED,
          text: full
            ? "Your latest progress could not be saved: this browser's storage for Secrets Lab is full. What you do now lasts only until you close this tab. Export your progress to keep it, then free some space (remove set-aside data on Your progress, or clear other sites' data)."
            : 'Your progress cannot be saved: this browser blocks storage for this site (private browsing or a privacy setting can do this). What you do now lasts only until you close this tab. Export your progress to keep it, or allow site data for this site.',
          link: PROGRESS_LINK,
        });
      }
    },
    removeItem(name) {
      memory.delete(name);
      try {
        ls()?.removeItem(name);
      } catch {
        /* nothing to remove */
      }
    },
  };
}

export const jsonStorage = () => createJSONStorage(safeLocalStorage);
