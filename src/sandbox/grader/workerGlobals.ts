// Must be imported before msw: msw's core expects `localStorage` outside Node, and a dedicated
// worker has none. An in-memory stand-in is enough (msw keeps nothing there that we need).
const g = globalThis as unknown as { localStorage?: Storage };
if (!g.localStorage) {
  const data = new Map<string, string>();
  g.localStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

export {};
