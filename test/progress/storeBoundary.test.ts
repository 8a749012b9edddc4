import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

/**
 * One way to change state (issue 13): outside `src/store/`, nothing calls the store's `setState`
 * (or zustand's `persist` API); pages and engines call the actions, which check every write.
 */
const root = path.join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('only src/store writes to the store', () => {
  const outside = sources(root).filter((file) => !file.startsWith(path.join(root, 'store') + path.sep));
  expect(outside.length).toBeGreaterThan(50);
  const writers = outside
    .filter((file) => /\b(useAppStore|api)\s*\.\s*(setState|persist)\b/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file));
  expect(writers).toEqual([]);
});
