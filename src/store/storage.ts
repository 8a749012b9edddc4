import { createJSONStorage, type StateStorage } from 'zustand/middleware';

/** Problems met while reading saved state, shown once in the UI (never a blank page). */
export const storageIssues: string[] = [];

/**
 * localStorage that never throws: an entry that cannot be parsed is moved aside under
 * `<key>.corrupt-<time>` (so nothing is lost and it can be recovered by hand) and the app starts
 * from defaults; a browser that refuses storage (private mode, quota) keeps working in memory.
 */
export function safeLocalStorage(): StateStorage {
  const memory = new Map<string, string>();
  const ls = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    getItem(name) {
      let raw: string | null;
      try {
        raw = ls()?.getItem(name) ?? memory.get(name) ?? null;
      } catch {
        raw = memory.get(name) ?? null;
      }
      if (raw === null) return null;
      try {
        JSON.parse(raw);
        return raw;
      } catch {
        const aside = `${name}.corrupt-${Date.now()}`;
        try {
          ls()?.setItem(aside, raw);
          ls()?.removeItem(name);
        } catch {
          /* storage unavailable: the in-memory start is all we can do */
        }
        storageIssues.push(`Saved progress could not be read and was set aside as "${aside}". Starting fresh.`);
        return null;
      }
    },
    setItem(name, value) {
      memory.set(name, value);
      try {
        ls()?.setItem(name, value);
      } catch {
        if (!storageIssues.some((m) => m.startsWith('Progress cannot be saved'))) {
          storageIssues.push(
            'Progress cannot be saved in this browser (storage is full or blocked); it lasts until you close the tab.',
          );
        }
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
