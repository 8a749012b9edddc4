import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkContent } from '../../src/authoring/checkContent';
import { type ScaffoldResult, scaffold } from '../../src/authoring/scaffold';
import { formatProblem } from '../../src/compiler/problems';

const root = path.resolve(__dirname, '../..');
let copy: string;
const made: Record<string, ScaffoldResult> = {};

// A small course (one lesson, one quiz file, one exercise), copied inside the project (tmp/ is
// git-ignored) so its checks.ts resolve the SDK and @lab/checks from here. Small on purpose:
// content:check over the whole course is test/content/realContent.test.ts's job, and costs tens of seconds.
beforeAll(async () => {
  await mkdir(path.join(root, 'tmp'), { recursive: true });
  copy = await mkdtemp(path.join(root, 'tmp/content-scaffold-'));
  await cp(path.join(root, 'test/fixtures/outside-course'), copy, { recursive: true });
  made.lesson = await scaffold('lesson', 'key-policies', copy, root);
  made.quiz = await scaffold('quiz', 'key-policies', copy, root);
  made.exercise = await scaffold('exercise', 'read-a-greeting', copy, root);
});
afterAll(() => rm(copy, { recursive: true, force: true }));

test('the scaffolds pass content:check except for the placeholders they name', { timeout: 300_000 }, async () => {
  const created = new Set(Object.values(made).flatMap((m) => m.files));
  const problems = await checkContent(copy, { root, prove: (slug) => slug === 'read-a-greeting' });
  const inScaffolds = problems.filter((p) => created.has(p.file) && p.severity !== 'warning');
  const placeholders = Object.values(made).flatMap((m) => m.placeholders);
  expect(placeholders.length).toBeGreaterThan(20);
  expect(inScaffolds.map((p) => `${p.file}:${p.line}`).sort()).toEqual(
    placeholders.map((p) => `${p.file}:${p.line}`).sort(),
  );
  for (const p of inScaffolds) expect(formatProblem(p)).toMatch(/:\d+:\d+ {2}Placeholder from "npm run new": \S/);
});

test('the scaffolds are placed after the existing content and link an existing lesson', async () => {
  const rel = path.relative(root, copy).split(path.sep).join('/');
  expect(made.lesson?.files).toEqual([`${rel}/lessons/key-policies.md`]);
  expect(made.quiz?.files).toEqual([`${rel}/quiz/key-policies.yaml`]);
  expect(made.exercise?.files.map((f) => f.slice(rel.length + 1)).sort()).toEqual(
    ['checks.ts', 'exercise.md', 'fixture.yaml', 'solution.ts', 'starter.ts', 'wrong/returns-name.ts'].map(
      (f) => `exercises/read-a-greeting/${f}`,
    ),
  );
  const lesson = await readFile(path.join(copy, 'lessons/key-policies.md'), 'utf8');
  expect(lesson).toMatch(/^title: Key policies # TODO\(author\)/m);
  // The fixture's one lesson has order 1: the new one comes after it.
  expect(Number(/^order: (\d+)$/m.exec(lesson)?.[1])).toBe(2);
});

test('a scaffold refuses a bad name and never overwrites', async () => {
  await expect(scaffold('lesson', 'Key_Policies', copy, root)).rejects.toThrow('lowercase words joined by hyphens');
  await expect(scaffold('lesson', 'key-policies', copy, root)).rejects.toThrow(
    /lessons\/key-policies\.md already exists/,
  );
  await expect(scaffold('exercise', 'read-a-greeting', copy, root)).rejects.toThrow(
    /exercises\/read-a-greeting already exists/,
  );
});
