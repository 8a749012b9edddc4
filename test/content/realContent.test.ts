import path from 'node:path';
import { expect, test } from 'vitest';
import { checkContent } from '../../src/authoring/checkContent';
import { formatProblem } from '../../src/compiler/problems';

const root = path.resolve(__dirname, '../..');

// The whole of `npm run content:check` over the real content: schemas, links, diagrams, code,
// and every exercise proven (solution passes, starter fails, each wrong answer fails as it says).
test('content:check finds no errors in content/', { timeout: 300_000 }, async () => {
  const problems = await checkContent('content', { root });
  expect(problems.filter((p) => p.severity !== 'warning').map(formatProblem)).toEqual([]);
});
