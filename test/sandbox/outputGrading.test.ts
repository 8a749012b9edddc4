import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadExercises } from '../../src/compiler/loadExercises';
import { runSession } from '../../src/sandbox/inProcess';
import { LIMITS } from '../../src/sandbox/limits';
import { loadChecks } from '../../src/sandbox/prove';

// A check that reads the console must never pass on output it could not see. The sandbox keeps
// LIMITS.transcriptChars of a run's output (and LIMITS.lineChars of one line); what is past that
// is counted, not kept. A learner who hides the password behind that much junk must not pass
// "Keeps the password out of the logs".

const root = path.resolve(__dirname, '../..');
const { exercises } = await loadExercises(path.join(root, 'content'), root);
const exercise = exercises.find((e) => e.meta.slug === 'read-db-credentials');
if (!exercise) throw new Error('read-db-credentials is missing');
const tasks = await loadChecks(exercise.checksPath);
const solution = readFileSync(path.join(exercise.dir, 'solution.ts'), 'utf8');
const run = (code: string) => runSession(code, { fixture: exercise.fixture, tasks });
const logsCheck = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'no-password-in-logs');

test('the password printed after more junk than the sandbox keeps fails the logs check, saying why', async () => {
  // Prepare: the reference solution, then 9 million characters of junk, then the password.
  const junkLines = Math.ceil(LIMITS.transcriptChars / 1_000_000) + 1;
  const code = `${solution}\nfor (let i = 0; i < ${junkLines}; i++) console.log('x'.repeat(1_000_000));\nconsole.log(creds.password);\n`;

  // Act
  const r = await run(code);

  // Assess: every other check passes; this one cannot vouch for output it never saw.
  expect(r.error).toBeUndefined();
  expect(r.passed).toBe(false);
  expect(r.checks.filter((c) => !c.passed).map((c) => c.id)).toEqual(['no-password-in-logs']);
  expect(logsCheck(r)?.message).toMatch(/^Your code printed more than the checks can read/);
  expect(logsCheck(r)?.message).toContain('print less');
});

test('the password at the end of one line longer than the sandbox keeps of a line fails the logs check', async () => {
  const code = `${solution}\nconsole.log('x'.repeat(${LIMITS.lineChars}) + creds.password);\n`;

  const r = await run(code);

  expect(r.error).toBeUndefined();
  expect(logsCheck(r)).toMatchObject({ passed: false });
  expect(logsCheck(r)?.message).toMatch(/^Your code printed more than the checks can read/);
});

test('output the sandbox keeps whole is read as before: a modest amount passes, the password found fails', async () => {
  const chatty = await run(`${solution}\nfor (let i = 0; i < 2000; i++) console.log('row', i, 'y'.repeat(500));\n`);
  expect(chatty.passed).toBe(true);

  const leaky = await run(
    `${solution}\nfor (let i = 0; i < 2000; i++) console.log('row', i);\nconsole.log(creds.password);\n`,
  );
  expect(logsCheck(leaky)).toMatchObject({ passed: false });
  expect(logsCheck(leaky)?.message).toMatch(/^Console line 2002 contains the database password/);
});
