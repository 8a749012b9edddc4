import { vi } from 'vitest';

/**
 * A fresh in-memory localStorage stubbed globally, and a fresh store module reading it: the store
 * rehydrates when it is created, so each test imports it anew after `vi.resetModules()`.
 * `quota` (characters, keys and values together) makes writes past it fail the way browsers do,
 * with a QuotaExceededError, and leaves the stored value unchanged.
 */
export function stubLocalStorage(options: { quota?: number } = {}): Map<string, string> {
  const storage = new Map<string, string>();
  const used = () => [...storage].reduce((n, [k, v]) => n + k.length + v.length, 0);
  vi.resetModules();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => {
      const value = String(v);
      const after = used() - (storage.has(k) ? k.length + (storage.get(k)?.length ?? 0) : 0) + k.length + value.length;
      if (options.quota !== undefined && after > options.quota)
        throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
      storage.set(k, value);
    },
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
