import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(script: string, args: string[]) {
  const r = spawnSync(tsx, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SECRETS_LAB_CONTENT: undefined },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('content:check prints each problem as file:line:column  message and exits 1', { timeout: 120_000 }, () => {
  const { status, out } = run('src/authoring/cli.ts', ['--no-prove', 'test/fixtures/broken-content/multiple-count']);
  expect(status).toBe(1);
  expect(out).toContain(
    'test/fixtures/broken-content/multiple-count/quiz/basics.yaml:8:3  question "choose-two-marks-three": options: the stem asks to choose TWO but 3 options are marked correct',
  );
  expect(out).toContain(
    'test/fixtures/broken-content/multiple-count/lessons/basics.md:1:1  warning: No quiz question links to this lesson',
  );
  expect(out).toMatch(/1 error, 1 warning/);
});

test('content:check exits 0 on a valid folder', { timeout: 120_000 }, () => {
  const { status, out } = run('src/authoring/cli.ts', ['test/fixtures/broken-content/clean']);
  expect(out).toMatch(/no errors, 0 warnings/);
  expect(status).toBe(0);
});

test('npm run new explains its usage', { timeout: 60_000 }, () => {
  const { status, out } = run('src/authoring/newCli.ts', ['chapter', 'x']);
  expect(status).toBe(2);
  expect(out).toContain('Usage: npm run new -- lesson|quiz|exercise <name>');
});
