import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadExercises } from '../../src/catalog/loadExercises';
import { formatProblem } from '../../src/catalog/problems';
import { proveExercise } from '../../src/sandbox/prove';

const root = path.resolve(__dirname, '../..');
const { exercises, problems } = await loadExercises(path.join(root, 'content'), root);

test('every exercise folder is valid', () => {
  expect(problems.map(formatProblem)).toEqual([]);
  expect(exercises.length).toBeGreaterThanOrEqual(8);
});

describe.each(exercises.map((e) => [e.meta.slug, e] as const))('%s', (_slug, exercise) => {
  test('the solution passes, the starter fails, each wrong answer fails as expected', async () => {
    expect((await proveExercise(exercise, root)).map(formatProblem)).toEqual([]);
  });
});
