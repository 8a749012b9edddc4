import { beforeEach, expect, test, vi } from 'vitest';

// The store reads localStorage when it is created, so each test builds a fresh module.
const storage = new Map<string, string>();
beforeEach(() => {
  storage.clear();
  vi.resetModules();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
    key: (i: number) => [...storage.keys()][i] ?? null,
    get length() {
      return storage.size;
    },
    clear: () => storage.clear(),
  });
});

const load = async () => {
  const mod = await import('./store');
  await mod.useAppStore.persist.rehydrate();
  return mod;
};

test('state saved by schema version 0 (read lessons as a list) migrates without loss', async () => {
  storage.set(
    'secrets-lab',
    JSON.stringify({ version: 0, state: { lessonsRead: ['rotation', 'caching'], theme: 'dark' } }),
  );
  const { useAppStore } = await load();
  expect(useAppStore.getState().lessonsRead).toEqual({ rotation: 0, caching: 0 });
  expect(useAppStore.getState().theme).toBe('dark');
});

test('current-version state loads as saved, and new fields get defaults', async () => {
  const { STORE_VERSION } = await import('./migrations');
  storage.set('secrets-lab', JSON.stringify({ version: STORE_VERSION, state: { lessonsRead: { rotation: 5 } } }));
  const { useAppStore } = await load();
  expect(useAppStore.getState().lessonsRead).toEqual({ rotation: 5 });
  expect(useAppStore.getState().theme).toBe('system');
});

test('a corrupted entry is set aside, reported, and the app starts from defaults', async () => {
  storage.set('secrets-lab', '{"version":1,"state":{"lessonsRe');
  const { useAppStore } = await load();
  const { getNotices } = await import('./notices');
  expect(useAppStore.getState().lessonsRead).toEqual({});
  const aside = [...storage.keys()].find((k) => k.startsWith('secrets-lab.corrupt-'));
  expect(aside && storage.get(aside)).toBe('{"version":1,"state":{"lessonsRe');
  expect(
    getNotices()
      .map((n) => n.text)
      .join(' '),
  ).toMatch(/could not be read, so the app started fresh\. A copy was set aside/);
});

test('marking a lesson read is persisted with the schema version', async () => {
  const { markLessonRead } = await import('./actions');
  const { useAppStore } = await load();
  markLessonRead('rotation', true, 1234);
  expect(useAppStore.getState().lessonsRead).toEqual({ rotation: 1234 });
  const saved = JSON.parse(storage.get('secrets-lab') ?? '{}');
  expect(saved).toMatchObject({ version: 3, state: { lessonsRead: { rotation: 1234 } } });
});

test('state saved by schema version 1 gains the quiz slice (v1 → v2) and keeps what it had', async () => {
  storage.set('secrets-lab', JSON.stringify({ version: 1, state: { lessonsRead: { rotation: 7 }, theme: 'light' } }));
  const { useAppStore } = await load();
  const state = useAppStore.getState();
  expect(state.lessonsRead).toEqual({ rotation: 7 });
  expect(state.theme).toBe('light');
  expect(state.quizHistory).toEqual([]);
  expect(state.quizActive).toEqual({});
  expect(state.questionResults).toEqual({});
  expect(state.reviewSchedule).toEqual({ version: 1, questions: {}, exercises: {} });
  const { migrate } = await import('./migrations');
  expect(migrate({ lessonsRead: {}, quizHistory: [{ id: 'kept' }] }, 1)).toMatchObject({
    quizHistory: [{ id: 'kept' }],
    quizActive: {},
  });
});
