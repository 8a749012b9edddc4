import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { STORE_VERSION } from '../../src/store/migrations';
import { parseProgressFile, progressFileName, toProgressFile } from '../../src/store/progressFile';

import type { AppState } from '../../src/store/state';

const v3 = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/v3.json'), 'utf8')).saved.state as AppState;
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ app: 'secrets-lab', kind: 'progress', version: STORE_VERSION, state: v3, ...over });

test('an exported file reads back as the same state, with its version and date', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const text = JSON.stringify(toProgressFile(v3, now));
  expect(progressFileName(now)).toBe('secrets-lab-progress-2026-11-30.json');
  expect(parseProgressFile(text)).toEqual({
    ok: true,
    state: v3,
    fromVersion: STORE_VERSION,
    exportedAt: '2026-11-30T10:00:00.000Z',
    dropped: [],
  });
});

test('a file that is not JSON, or JSON that is not a progress file, is refused with what to choose instead', () => {
  expect(parseProgressFile('<html>')).toMatchObject({
    ok: false,
    reason: 'not-json',
    message: expect.stringMatching(/not JSON.*“Export progress”/),
  });
  expect(parseProgressFile('{"name":"secrets-lab","version":"0.1.0"}')).toMatchObject({
    ok: false,
    reason: 'not-progress',
  });
  expect(parseProgressFile('[1,2]')).toMatchObject({ ok: false, reason: 'not-progress' });
  expect(parseProgressFile(file({ kind: 'settings' }))).toMatchObject({ ok: false, reason: 'not-progress' });
});

test('a file from a newer version says so, names both versions, and says how to fix it', () => {
  const result = parseProgressFile(file({ version: STORE_VERSION + 1 }));
  expect(result).toMatchObject({ ok: false, reason: 'newer' });
  expect(!result.ok && result.message).toBe(
    `This file was exported by a newer version of Secrets Lab (progress format ${STORE_VERSION + 1}; this version reads up to ${STORE_VERSION}). Update the app (open it online and reload), then import the file again. Nothing was imported.`,
  );
});

test('a damaged file names the field that is wrong', () => {
  const badDraft = { ...v3, drafts: { 'read-db-credentials': { code: 'x', savedAt: 'yesterday' } } };
  expect(parseProgressFile(file({ state: badDraft }))).toMatchObject({
    ok: false,
    reason: 'damaged',
    message: expect.stringMatching(
      /^This progress file is damaged at state\.drafts\.read-db-credentials\.savedAt: .*number.*Nothing was imported\.$/,
    ),
  });
  expect(parseProgressFile(file({ version: 'two' }))).toMatchObject({
    ok: false,
    reason: 'damaged',
    message: expect.stringContaining('at version'),
  });
  expect(parseProgressFile(file({ state: { ...v3, theme: 'purple' } }))).toMatchObject({
    ok: false,
    message: expect.stringContaining('state.theme'),
  });
});

test('a quiz attempt the quiz engine could not restore is refused, not imported to crash the quiz later', () => {
  const record = v3.quizHistory.find((r) => r.attempt)!;
  const broken = { ...v3, quizHistory: [{ ...record, attempt: { ...record.attempt, entries: {} } }] };
  expect(parseProgressFile(file({ state: broken }))).toMatchObject({
    ok: false,
    message: expect.stringContaining(
      'state.quizHistory.0.attempt.entries: question "rotation-four-steps" has no entry',
    ),
  });
});

test('an older file is migrated on the way in', () => {
  const result = parseProgressFile(file({ version: 0, state: { lessonsRead: ['rotation'], theme: 'dark' } }));
  expect(result).toMatchObject({
    ok: true,
    fromVersion: 0,
    state: { lessonsRead: { rotation: 0 }, theme: 'dark', quizHistory: [] },
  });
});
