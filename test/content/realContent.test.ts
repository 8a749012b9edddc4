import path from 'node:path';
import { expect, test } from 'vitest';
import { checkContent } from '../../src/authoring/checkContent';
import { formatProblem } from '../../src/compiler/problems';

const root = path.resolve(__dirname, '../..');

// The whole of `npm run content:check` over the real content: schemas, links, diagrams, code.
// Proving the exercises (solution passes, starter fails, each wrong answer fails as it says) is
// content:check's too, but the suite does it once, in test/exercises/exercises.test.ts.
test('content:check finds no errors in content/', { timeout: 300_000 }, async () => {
  const problems = await checkContent('content', { root, prove: false });
  expect(problems.filter((p) => p.severity !== 'warning').map(formatProblem)).toEqual([]);
});
