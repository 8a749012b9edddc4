import type { LoadedExercise } from '../compiler/loadExercises';
import type { Problem } from '../compiler/problems';
import type { CheckTask } from './checkKit';
import { runSession } from './inProcess';
import type { RunResult } from './messages';

/**
 * Proves an exercise with the same checker the browser runs: the reference solution passes every
 * check, the starter fails at least one, and each known-wrong answer fails the task it names with
 * the message it names. Returns problems located at the file that broke the promise.
 */
export async function proveExercise(exercise: LoadedExercise, root = process.cwd()): Promise<Problem[]> {
  const tasks = await loadChecks(exercise.checksPath);
  const rel = (name: string) =>
    `${exercise.dir
      .slice(root.length + 1)
      .split('\\')
      .join('/')}/${name}`;
  const run = (code: string) => runSession(code, { fixture: exercise.fixture, tasks });
  const problems: Problem[] = [];
  const at = (file: string, message: string) => problems.push({ file, line: 1, column: 1, message });

  const solution = await run(exercise.meta.solution);
  if (!solution.passed) at(rel('solution.ts'), `The solution must pass every check: ${describe(solution)}`);
  const starter = await run(exercise.meta.starter);
  if (starter.passed)
    at(rel('starter.ts'), 'The starter passes every check: it must leave something for the learner to do');
  for (const wrong of exercise.wrong) {
    const r = await run(wrong.code);
    const task = r.checks.find((c) => c.id === wrong.taskId);
    if (!task)
      at(wrong.file, `expects task "${wrong.taskId}", but the checks have: ${r.checks.map((c) => c.id).join(', ')}`);
    else if (task.passed) at(wrong.file, `expected task "${wrong.taskId}" to fail, but it passed`);
    else if (!task.message?.includes(wrong.message))
      at(wrong.file, `task "${wrong.taskId}" failed with "${task.message}", expected it to mention "${wrong.message}"`);
  }
  return problems;
}

export async function loadChecks(checksPath: string): Promise<CheckTask[]> {
  const mod = (await import(/* @vite-ignore */ checksPath)) as { default?: CheckTask[] };
  if (!Array.isArray(mod.default)) throw new Error(`${checksPath} must \`export default defineChecks([...])\``);
  return mod.default;
}

function describe(r: RunResult): string {
  if (r.error) return `${r.error.name}: ${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`;
  return r.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.id}: ${c.message}`)
    .join('; ');
}
