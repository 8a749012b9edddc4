import { STORAGE_KEY } from '../store/store';

/**
 * Saved progress that could not be read is moved aside under `<key>.corrupt-<time>` by the store's
 * storage (src/store/storage.ts). These list, read and delete those entries, so the learner can
 * download one for recovery and then clear it. Storage that throws reads as empty.
 */
const PREFIX = `${STORAGE_KEY}.corrupt-`;

export interface SetAsideEntry {
  key: string;
  /** When it was set aside (epoch ms, from the key). */
  at: number;
  size: number;
}

export function listSetAside(): SetAsideEntry[] {
  try {
    const out: SetAsideEntry[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      out.push({ key, at: Number(key.slice(PREFIX.length)) || 0, size: localStorage.getItem(key)?.length ?? 0 });
    }
    return out.sort((a, b) => a.at - b.at);
  } catch {
    return [];
  }
}

export function readSetAside(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function removeSetAside(key: string): void {
  try {
    if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}
