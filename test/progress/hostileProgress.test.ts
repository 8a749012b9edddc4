import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { loadStore, stubLocalStorage } from './memoryStorage';

/**
 * Issue 12, "Progress that breaks for good, silently": each attack on saved progress, through the
 * same functions the page uses (import, export, the store's actions, loading saved state).
 */

const v3 = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/v3.json'), 'utf8')).saved.state;
const progressFile = (state: unknown, version = 3) =>
  JSON.stringify({ app: 'secrets-lab', kind: 'progress', version, state });
/** `{"a":{"a":…}}` nested `depth` deep, built as text (building it as a value would need the deep recursion we guard against). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

async function modules(options: { quota?: number } = {}) {
  const storage = stubLocalStorage(options);
  return {
    storage,
    ...(await loadStore()),
    ...(await import('../../src/store/actions')),
    ...(await import('../../src/store/notices')),
    ...(await import('../../src/progress/transferProgress')),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

test('a file whose record keys are inherited names (constructor, toString) is refused, and export keeps working', async () => {
  // Prepare
  const { useAppStore, importProgress, exportProgress, markLessonRead, recordExerciseRun } = await modules();
  markLessonRead('rotation', true, 100);
  recordExerciseRun('read-db-credentials', true, 200);
  const before = JSON.stringify(useAppStore.getState());
  // Act
  const outcomes = [
    importProgress(progressFile({ exerciseProgress: { constructor: { attempts: 2, passed: true, lastRunAt: 5 } } })),
    importProgress(progressFile({ lessonsRead: { toString: 1 } })),
    importProgress(progressFile({ questionResults: { hasOwnProperty: { correct: true, at: 1 } } })),
  ];
  // Assess
  expect(outcomes.map((o) => !o.ok && o.message)).toEqual([
    'This progress file is damaged at state.exerciseProgress.constructor: "constructor" cannot be an id: every object already has a property of that name. Nothing was imported.',
    expect.stringContaining('damaged at state.lessonsRead.toString: "toString" cannot be an id'),
    expect.stringContaining('damaged at state.questionResults.hasOwnProperty'),
  ]);
  expect(JSON.stringify(useAppStore.getState())).toBe(before);
  const again = importProgress(exportProgress().text);
  expect(again).toMatchObject({ ok: true });
  expect(useAppStore.getState().exerciseProgress['read-db-credentials']).toMatchObject({ attempts: 1, passed: true });
});

test('an unknown top-level field is left out and named, and never reaches storage', async () => {
  const { storage, importProgress, useAppStore } = await modules();
  const outcome = importProgress(progressFile({ ...v3, padding: 'x'.repeat(2_000_000) }));
  expect(outcome).toMatchObject({ ok: true, dropped: ['state.padding'] });
  expect(storage.get('secrets-lab')?.length).toBeLessThan(50_000);
  expect(useAppStore.getState()).not.toHaveProperty('padding');
  expect(useAppStore.getState().lessonsRead).toEqual(v3.lessonsRead);
});

test('an unknown nested field is left out and named too', async () => {
  const { importProgress, useAppStore } = await modules();
  const drafts = { 'read-db-credentials': { code: 'x', savedAt: 1, colour: 'red' } };
  expect(importProgress(progressFile({ drafts }))).toMatchObject({
    ok: true,
    dropped: ['state.drafts.read-db-credentials.colour'],
  });
  expect(useAppStore.getState().drafts['read-db-credentials']).toEqual({ code: 'x', savedAt: 1 });
});

test('a 40 MB draft is refused before it is parsed, and the import says nothing was imported', async () => {
  const { storage, importProgress, useAppStore } = await modules();
  const text = progressFile({ drafts: { 'read-db-credentials': { code: 'x'.repeat(40 * 1024 * 1024), savedAt: 1 } } });
  const outcome = importProgress(text);
  expect(outcome).toEqual({
    ok: false,
    message: 'This file is 40.0 MB; a Secrets Lab progress file is at most 3.8 MB. Nothing was imported.',
  });
  expect(useAppStore.getState().drafts).toEqual({});
  expect(storage.get('secrets-lab') ?? '').not.toContain('xxxx');
});

test('a draft over the draft limit is refused with its field named, even in a small file', async () => {
  const { importProgress } = await modules();
  const text = progressFile({ drafts: { 'read-db-credentials': { code: 'x'.repeat(150_000), savedAt: 1 } } });
  expect(importProgress(text)).toEqual({
    ok: false,
    message:
      'This progress file is damaged at state.drafts.read-db-credentials.code: a draft holds at most 100,000 characters; this one has 150,000. Nothing was imported.',
  });
});

test('a value nested 100,000 deep is refused before parsing, and Export still works', async () => {
  const { importProgress, exportProgress, markLessonRead } = await modules();
  markLessonRead('rotation', true, 100);
  const text = `{"app":"secrets-lab","kind":"progress","version":3,"state":{"lessonsRead":{},"extra":${deepJson(100_000)}}}`;
  expect(importProgress(text)).toMatchObject({
    ok: false,
    message: expect.stringMatching(/nests its data more than 24 levels deep.*Nothing was imported/),
  });
  expect(() => exportProgress()).not.toThrow();
  expect(JSON.parse(exportProgress().text).state.lessonsRead).toEqual({ rotation: 100 });
});

test('a save the browser refuses is reported at once, with what to do', async () => {
  // Prepare: room for today's progress, not for a large draft on top.
  const { storage, saveDraft, markLessonRead, getNotices } = await modules({ quota: 20_000 });
  markLessonRead('rotation', true, 100);
  expect(getNotices()).toEqual([]);
  // Act
  const result = saveDraft('read-db-credentials', 'y'.repeat(30_000));
  // Assess
  expect(result).toEqual({ ok: true, saved: false, reason: 'full' });
  const notice = getNotices().find((n) => n.key === 'save-failed');
  expect(notice?.text).toMatch(
    /could not be saved: this browser's storage for Secrets Lab is full.*Export your progress/,
  );
  expect(notice?.link).toEqual({ href: '/progress', label: 'Your progress' });
  expect(JSON.parse(storage.get('secrets-lab') ?? '{}').state.lessonsRead).toEqual({ rotation: 100 });
  // A later save that fits clears it.
  saveDraft('read-db-credentials', 'short');
  expect(getNotices().some((n) => n.key === 'save-failed')).toBe(false);
});

test('an import the browser cannot save is rolled back and says so, not "Imported"', async () => {
  const { storage, importProgress, markLessonRead, useAppStore, getNotices } = await modules({ quota: 20_000 });
  markLessonRead('rotation', true, 100);
  const before = JSON.stringify(useAppStore.getState());
  const outcome = importProgress(progressFile({ drafts: { big: { code: 'z'.repeat(60_000), savedAt: 1 } } }));
  expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/^Nothing was imported: .*no room/) });
  expect(JSON.stringify(useAppStore.getState())).toBe(before);
  expect(JSON.parse(storage.get('secrets-lab') ?? '{}').state.drafts).toEqual({});
  expect(
    getNotices().some((n) => n.key === 'save-failed'),
    'the tab and storage agree again',
  ).toBe(false);
});

test('a forged pass (a 5 MB string where true belongs) is a failed run, and nothing large is stored', async () => {
  const { storage, recordExerciseRun, useAppStore } = await modules();
  recordExerciseRun('read-db-credentials', 'x'.repeat(5_000_000) as unknown as boolean, 100);
  expect(useAppStore.getState().exerciseProgress['read-db-credentials']).toEqual({
    attempts: 1,
    passed: false,
    lastRunAt: 100,
  });
  expect(storage.get('secrets-lab')?.length).toBeLessThan(10_000);
});

test('a draft over the limit is not saved, and the learner is told', async () => {
  const { saveDraft, useAppStore, getNotices } = await modules();
  const result = saveDraft('read-db-credentials', 'x'.repeat(100_001));
  expect(result).toMatchObject({
    ok: false,
    message: expect.stringContaining('a draft holds at most 100,000 characters'),
  });
  expect(useAppStore.getState().drafts).toEqual({});
  expect(
    getNotices()
      .map((n) => n.text)
      .join(' '),
  ).toMatch(/^Not saved: drafts\.read-db-credentials\.code/);
});

test('saved state with inherited-name keys and unknown fields loads the rest, sets the entry aside and says so', async () => {
  const storage = stubLocalStorage();
  const saved = {
    version: 3,
    state: {
      ...v3,
      exerciseProgress: { constructor: { attempts: 1, passed: false } },
      junk: 'x'.repeat(1000),
    },
  };
  storage.set('secrets-lab', JSON.stringify(saved));
  const { useAppStore } = await loadStore();
  const { getNotices } = await import('../../src/store/notices');
  const state = useAppStore.getState();
  expect(state.lessonsRead).toEqual(v3.lessonsRead);
  expect(state.exerciseProgress).toEqual({});
  expect(state).not.toHaveProperty('junk');
  const aside = [...storage.keys()].find((k) => k.startsWith('secrets-lab.corrupt-'));
  expect(aside && JSON.parse(storage.get(aside) ?? '{}')).toEqual(saved);
  expect(
    getNotices()
      .map((n) => n.text)
      .join(' '),
  ).toMatch(
    /Part of your saved progress could not be used: exerciseProgress\.constructor .*fields this version does not know were left out: junk/,
  );
});

test('a saved entry nested 100,000 deep is set aside before parsing; the app starts fresh and exports', async () => {
  const storage = stubLocalStorage();
  storage.set('secrets-lab', `{"version":3,"state":{"lessonsRead":${deepJson(100_000)}}}`);
  const { useAppStore } = await loadStore();
  const { exportProgress } = await import('../../src/progress/transferProgress');
  expect(useAppStore.getState().lessonsRead).toEqual({});
  expect([...storage.keys()].some((k) => k.startsWith('secrets-lab.corrupt-'))).toBe(true);
  expect(() => exportProgress()).not.toThrow();
});
