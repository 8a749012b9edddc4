import { vi } from 'vitest';

/**
 * A fresh in-memory localStorage stubbed globally, and a fresh store module reading it: the store
 * rehydrates when it is created, so each test imports it anew after `vi.resetModules()`.
 */
export function stubLocalStorage(): Map<string, string> {
  const storage = new Map<string, string>();
  vi.resetModules();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, String(v)),
    removeItem: (k: string) => void storage.delete(k),
    key: (i: number) => [...storage.keys()][i] ?? null,
    get length() {
      return storage.size;
    },
    clear: () => storage.clear(),
  });
  return storage;
}

export async function loadStore() {
  const mod = await import('../../src/store/store');
  await mod.useAppStore.persist.rehydrate();
  return mod;
}
