import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
let outside: string;

/** Runs one of the authoring commands as `npm run …` does: from the project, with Node. */
function run(script: string, args: string[]) {
  const r = spawnSync(tsx, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SECRETS_LAB_CONTENT: undefined, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// A folder outside the project: no node_modules anywhere above it, as for a course in its own repository.
beforeAll(async () => {
  outside = await mkdtemp(path.join(tmpdir(), 'secrets-lab-course-'));
});
afterAll(async () => {
  await rm(outside, { recursive: true, force: true });
});

test('npm run new -- course makes an empty course folder that content:check passes without a word to fix', {
  timeout: 120_000,
}, async () => {
  // Act
  const made = run('src/authoring/newCli.ts', ['course', path.join(outside, 'empty')]);
  const checked = run('src/authoring/cli.ts', ['--content', path.join(outside, 'empty')]);
  // Assess
  expect(made.status, made.out).toBe(0);
  expect((await readdir(path.join(outside, 'empty'))).sort()).toEqual(['README.md', 'exercises', 'lessons', 'quiz']);
  expect(checked.out).toMatch(/no errors, 0 warnings/);
  expect(checked.status).toBe(0);
  // It refuses to scaffold over a course that is already there.
  expect(run('src/authoring/newCli.ts', ['course', path.join(outside, 'empty')]).status).toBe(1);
});

// One content:check run (each costs tens of seconds) proves both: the fixture's exercise, whose
// checks import the SDK and @lab/checks from this project, and a scaffolded one, in the same course.
test('a course outside the project: npm run new -- exercise --content writes into it, and content:check proves its exercises, leaving only the placeholders to fill', {
  timeout: 240_000,
}, async () => {
  // Prepare: a small course (a lesson, a question, an exercise) copied outside the project.
  const course = path.join(outside, 'course');
  await cp(path.join(root, 'test/fixtures/outside-course'), course, { recursive: true });
  // Act
  const made = run('src/authoring/newCli.ts', ['exercise', 'second-one', '--content', course]);
  const { status, out } = run('src/authoring/cli.ts', ['--content', course]);
  // Assess: the new exercise is in the course; the fixture's exercise was proven (its solution
  // passes, its starter fails) without a word; what is left is the scaffold's placeholders.
  expect(made.status, made.out).toBe(0);
  expect(await readdir(path.join(course, 'exercises'))).toContain('second-one');
  expect(status).toBe(1);
  const errors = out.split('\n').filter((l) => /:\d+:\d+ {2}/.test(l) && !l.includes('warning:'));
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e).toMatch(/exercises\/second-one\/.*Placeholder from "npm run new"/);
  expect(out).not.toMatch(/read-greeting/);
});
