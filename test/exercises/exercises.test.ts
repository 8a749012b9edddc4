import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadExercises } from '../../src/compiler/loadExercises';
import { formatProblem } from '../../src/compiler/problems';
import { runSession } from '../../src/sandbox/inProcess';
import { loadChecks, proveExercise } from '../../src/sandbox/prove';

const root = path.resolve(__dirname, '../..');
const { exercises, problems } = await loadExercises(path.join(root, 'content'), root);

test('every exercise folder is valid', () => {
  expect(problems.map(formatProblem)).toEqual([]);
  expect(exercises.length).toBeGreaterThanOrEqual(14);
});

describe.each(exercises.map((e) => [e.meta.slug, e] as const))('%s', (_slug, exercise) => {
  test('the solution passes, the starter fails, each wrong answer fails as expected', async () => {
    expect((await proveExercise(exercise, root)).map(formatProblem)).toEqual([]);
  });
});

// The lab rehearses the reference solution in each spare worker before the learner's run
// (src/sandbox/runner.ts): that is only safe if a run leaves nothing behind for the next one.
describe.each(exercises.map((e) => [e.meta.slug, e] as const))('%s after a rehearsal', (_slug, exercise) => {
  test('the learner’s run gives the same result as without one', async () => {
    const tasks = await loadChecks(exercise.checksPath);
    // Everything but what is random in real AWS too: the SDK's idempotency tokens (they become
    // version ids, renamed here by first appearance) and the ciphertexts made with them.
    const run = async (code: string) => {
      const { durationMs: _, ...rest } = await runSession(code, { fixture: exercise.fixture, tasks });
      const ids = new Map<string, string>();
      return JSON.parse(
        JSON.stringify(rest, (key, value) => (key === 'ciphertext' ? '…' : value)).replace(
          /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g,
          (id) => {
            if (!ids.has(id)) ids.set(id, `uuid-${ids.size + 1}`);
            return ids.get(id) ?? id;
          },
        ),
      );
    };
    for (const code of [exercise.meta.starter, ...exercise.wrong.map((w) => w.code)]) {
      const without = await run(code);
      expect((await run(exercise.meta.solution)).passed).toBe(true);
      expect(await run(code)).toEqual(without);
    }
  });
});
