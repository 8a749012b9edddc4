import { beforeEach, expect, test } from 'vitest';
import { loadStore, stubLocalStorage } from './memoryStorage';

let storage: Map<string, string>;
beforeEach(() => {
  storage = stubLocalStorage();
});

const modules = async () => ({
  ...(await loadStore()),
  ...(await import('../../src/store/actions')),
  ...(await import('../../src/store/snapshot')),
  ...(await import('../../src/progress/transferProgress')),
});

test('export → reset → import gives back the same progress, saved to storage', async () => {
  // Prepare
  const {
    useAppStore,
    markLessonRead,
    saveDraft,
    recordExerciseRun,
    setTheme,
    exportProgress,
    resetAllProgress,
    importProgress,
    initialState,
  } = await modules();
  markLessonRead('rotation', true, 100);
  saveDraft('read-db-credentials', '// draft', 200);
  recordExerciseRun('read-db-credentials', true, 300);
  setTheme('dark');
  const before = structuredClone(useAppStore.getState());
  // Act
  const { text } = exportProgress(new Date(400));
  resetAllProgress();
  const afterReset = structuredClone(useAppStore.getState());
  const outcome = importProgress(text);
  // Assess
  expect(afterReset).toEqual(initialState);
  expect(JSON.parse(storage.get('secrets-lab') ?? '{}').state.lessonsRead).toEqual({ rotation: 100 });
  expect(outcome).toMatchObject({ ok: true, report: { lessons: 1, drafts: 1, exercises: 1 } });
  expect(useAppStore.getState()).toEqual(before);
});

test('reset leaves nothing behind, and the defaults are not shared with the live state', async () => {
  const { useAppStore, markLessonRead, resetAllProgress, initialState } = await modules();
  markLessonRead('rotation', true, 100);
  resetAllProgress();
  markLessonRead('caching', true, 200);
  expect(initialState.lessonsRead).toEqual({});
  resetAllProgress();
  expect(useAppStore.getState().lessonsRead).toEqual({});
  expect(JSON.parse(storage.get('secrets-lab') ?? '{}').state.lessonsRead).toEqual({});
});

test('a refused import changes nothing', async () => {
  const { useAppStore, markLessonRead, importProgress } = await modules();
  markLessonRead('rotation', true, 100);
  const before = storage.get('secrets-lab');
  expect(importProgress('{"app":"secrets-lab","kind":"progress","version":99,"state":{}}')).toMatchObject({
    ok: false,
  });
  expect(storage.get('secrets-lab')).toBe(before);
  expect(useAppStore.getState().lessonsRead).toEqual({ rotation: 100 });
});

test('the import report reads as a sentence', async () => {
  const { describeReport } = await modules();
  expect(describeReport({ lessons: 2, drafts: 1, exercises: 0, attempts: 3, cards: 0, answers: 0 })).toBe(
    '2 lessons read, 1 draft and 3 quiz attempts',
  );
  expect(describeReport({ lessons: 0, drafts: 0, exercises: 0, attempts: 0, cards: 0, answers: 0 })).toBeUndefined();
});
