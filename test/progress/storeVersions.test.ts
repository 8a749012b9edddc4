import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { STORE_VERSION } from '../../src/store/migrations';
import { parseProgressFile } from '../../src/store/progressFile';
import { loadStore, stubLocalStorage } from './memoryStorage';

/**
 * One fixture per schema version ever released (test/progress/fixtures/v<N>.json): what that
 * version saved in localStorage, and what the current app must make of it. Bumping STORE_VERSION
 * without adding the new version's fixture fails here.
 */
interface Fixture {
  about: string;
  saved: { version: number; state: Record<string, unknown> };
  expected: Record<string, unknown>;
}

const fixture = (v: number) => path.join(__dirname, 'fixtures', `v${v}.json`);
const versions = Array.from({ length: STORE_VERSION + 1 }, (_, v) => v);
const read = (v: number): Fixture => JSON.parse(readFileSync(fixture(v), 'utf8'));

let storage: Map<string, string>;
beforeEach(() => {
  storage = stubLocalStorage();
});

test('every schema version from 0 to the current one has a fixture', () => {
  expect(versions.filter((v) => !existsSync(fixture(v))).map((v) => `test/progress/fixtures/v${v}.json`)).toEqual([]);
});

describe.each(versions)('state saved by schema version %i', (v) => {
  test('loads from localStorage without loss, every later slice at its defaults', async () => {
    const { saved, expected } = read(v);
    expect(saved.version).toBe(v);
    storage.set('secrets-lab', JSON.stringify(saved));
    const { useAppStore, initialState } = await loadStore();
    const state = useAppStore.getState();
    expect(state).toMatchObject(expected);
    for (const key of Object.keys(initialState) as (keyof typeof initialState)[]) {
      expect(state[key], `${key} is never undefined`).toBeDefined();
      if (!(key in expected)) expect(state[key], `${key} gets its default`).toEqual(initialState[key]);
    }
    // The next write saves it under the current version, still complete.
    useAppStore.setState({});
    expect(JSON.parse(storage.get('secrets-lab') ?? '{}')).toMatchObject({ version: STORE_VERSION, state: expected });
  });

  test('imports from a progress file of that version to the same state', () => {
    const { saved, expected } = read(v);
    const parsed = parseProgressFile(
      JSON.stringify({ app: 'secrets-lab', kind: 'progress', version: v, state: saved.state }),
    );
    expect(parsed).toMatchObject({ ok: true, fromVersion: v, state: expected });
  });
});
