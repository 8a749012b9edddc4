import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, test } from 'vitest';
import { type PageProbe, useBrowser } from './browser';
import { editorText, openInLab, typeCode } from './editor';

const appUrl = inject('appUrl');
const browser = useBrowser();
const exerciseDir = path.resolve(__dirname, '../../content/exercises/read-db-credentials');
const solution = readFileSync(path.join(exerciseDir, 'solution.ts'), 'utf8');

async function run(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 20_000 });
}

// One page for the file, as a learner going from one exercise to the next: each test opens its
// exercise afresh through the app's own navigation (no reload: a cold load of the lab costs CI
// seconds per test), and sees only its own console errors and requests. The first test finds the
// page new: its exercise has no attempt yet. The test that reloads the page comes last.
let probe: PageProbe;
beforeAll(async () => {
  probe = await browser.open(appUrl, { shared: true });
});

async function openExercise(slug = 'read-db-credentials') {
  probe.errors.length = 0;
  probe.foreign.length = 0;
  await openInLab(probe.page, appUrl, slug);
  return probe;
}

test('a typed solution passes every check, and the inspector shows the call', async () => {
  const { page, errors, foreign } = await openExercise();
  await typeCode(page, solution);
  await run(page);
  await page.getByRole('tab', { name: /Checks/ }).click();
  expect(await page.locator('.checks-summary').textContent()).toMatch(/^All \d+ checks passed/);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const calls = page.locator('.calls-table');
  expect(await calls.textContent()).toContain('secretsmanager.GetSecretValue');
  expect(
    await page
      .locator('.secret-card')
      .filter({ hasText: 'pettracker/dev/db-credentials' })
      .locator('.stage-current')
      .count(),
  ).toBe(1);
  // Progress is recorded and shown in the lab list.
  await page.goto(`${appUrl}/lab`);
  const card = page.locator('.card-link', { hasText: 'Read the database credentials' });
  expect(await card.locator('.card-kicker').textContent()).toMatch(/^Exercise 1 · easy · ✓ passed .+ · 1 attempt$/);
  // The course outline marks it passed too.
  expect(
    await page
      .getByRole('list', { name: 'Lab exercises' })
      .getByRole('link', { name: 'Read the database credentials (passed)' })
      .count(),
  ).toBe(1);
  // The first pass is dated: the moment of this run.
  const firstPass = Date.parse((await card.locator('time').getAttribute('datetime')) ?? '');
  expect(Date.now() - firstPass).toBeGreaterThanOrEqual(0);
  expect(Date.now() - firstPass).toBeLessThan(120_000);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('after a run, the inspector shows the parameter tree, the KMS keys and the calls per operation', async () => {
  const { page, errors } = await openExercise('config-by-environment');
  const code = readFileSync(path.resolve(exerciseDir, '../config-by-environment/solution.ts'), 'utf8');
  await typeCode(page, code);
  await run(page);
  await page.getByRole('tab', { name: 'Inspector' }).click();

  const params = page.getByRole('region', { name: 'Parameters (6)' });
  const root = params.locator(':scope > .param-tree > li');
  expect(await root.locator(':scope > .param-folder').textContent()).toBe('pettracker/');
  const envs = root.locator(':scope > .param-tree > li');
  expect(await envs.locator(':scope > .param-folder').allTextContents()).toEqual(['dev/', 'prod/']);
  const dev = envs.filter({ has: page.locator(':scope > .param-folder', { hasText: 'dev/' }) });
  const leaves = dev.locator(':scope > .param-tree > li');
  expect(await leaves.locator('.param-leaf').allTextContents()).toEqual(['api-url', 'db-password', 'log-level']);
  expect(await leaves.filter({ hasText: 'db-password' }).textContent()).toContain('SecureString · v1');
  expect(await leaves.filter({ hasText: 'api-url' }).textContent()).toContain('String · v1');

  const keys = page.getByRole('region', { name: /KMS keys/ });
  expect(await keys.locator('li', { hasText: 'alias/pettracker' }).textContent()).toContain('customer managed');

  // The solution memoizes: one GetParameter per name it read, counted per operation.
  const calls = page.getByRole('region', { name: /Calls/ });
  expect(await calls.locator('.calls-table').textContent()).toMatch(/ssm\.GetParameter\s*\d+/);
  expect(errors).toEqual([]);
});

test('a wrong solution fails with the check message that says what to do, and the hints repeat it', async () => {
  const { page } = await openExercise();
  // An instructor's known mistake: its first line names the task and the words its message must say.
  const wrong = readFileSync(path.join(exerciseDir, 'wrong/prod-secret.ts'), 'utf8');
  const [, task, expected] = wrong.match(/^\/\/ expect: ([\w-]+): (.+)$/m) ?? [];
  expect(task).toBe('reads-dev-secret');
  await typeCode(page, wrong);
  await run(page);
  await page.getByRole('tab', { name: /Checks/ }).click();
  const messages = await page.locator('.check-fail .check-message').allTextContents();
  expect(messages.filter((m) => m.includes(expected ?? '?'))).toHaveLength(1);
  // The first failing check's message is the hint shown first.
  await page.getByRole('tab', { name: 'Hints' }).click();
  expect(await page.locator('.hints .callout').textContent()).toBe(`From your last run${messages[0]}`);
});

test('an endless loop is stopped within the time limit, and the next run works', async () => {
  const { page } = await openExercise();
  await typeCode(page, 'while (true) {}');
  const started = Date.now();
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.locator('.run-error').waitFor({ timeout: 40_000 });
  const stoppedAfter = Date.now() - started;
  expect(await page.locator('.run-error').textContent()).toContain('did not finish');
  expect(stoppedAfter).toBeLessThan(15_000);
  // The page stayed responsive: the theme toggle still answers at once.
  await page.locator('.theme-toggle').click();
  await typeCode(page, "console.log('after the loop');");
  await run(page);
  await page.getByRole('tab', { name: 'Output' }).click();
  expect(await page.locator('.console').textContent()).toContain('after the loop');
  // The output says how long the run took (a fresh worker, well under the time limit).
  const ranIn = (await page.locator('.run-time').textContent())?.match(/^Ran in (<1|\d+) ms$/)?.[1];
  expect(ranIn === '<1' || Number(ranIn) < 5_000).toBe(true);
});

test('fetch to the outside is refused inside the sandbox, and nothing leaves the page', async () => {
  const { page, foreign } = await openExercise();
  await typeCode(page, "await fetch('https://example.com/');");
  await run(page);
  await page.getByRole('tab', { name: 'Output' }).click();
  expect(await page.locator('.run-error').textContent()).toContain('Network access is blocked in the sandbox');
  expect(foreign).toEqual([]);
});

test('the editor type-checks against the real SDK types: a misspelt field is underlined with its message', async () => {
  const { page } = await openExercise();
  await typeCode(
    page,
    "import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\nexport const command = new GetSecretValueCommand({ SecretIdd: 'x' });\n",
  );
  // Monaco's TypeScript worker reports the SDK's own input type: 'SecretIdd' is not in GetSecretValueCommandInput.
  const marker = page.locator('.monaco-editor .squiggly-error');
  await marker.first().waitFor({ timeout: 60_000 });
  // F8 opens Monaco's "next problem" widget with the diagnostic's text. Asked again until the worker
  // has checked the typed code: a squiggle shown at first may still be the code it replaced.
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F8');
        return ((await page.locator('.marker-widget').textContent()) ?? '').replace(/\u00a0/g, ' ');
      },
      { timeout: 30_000 },
    )
    .toMatch(/'SecretIdd' does not exist in type 'GetSecretValueCommandInput'/);
});

test('a draft survives a reload, and "Reset to starter" asks first', async () => {
  const { page } = await openExercise();
  await typeCode(page, '// my draft 42\n');
  await expect.poll(() => editorText(page)).toContain('my draft 42');
  // Reloaded at once, before the debounced save: leaving the page writes the draft.
  await page.reload();
  await page.locator('.monaco-editor').waitFor();
  await expect.poll(() => editorText(page)).toContain('my draft 42');
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await editorText(page)).toContain('my draft 42');
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => editorText(page)).not.toContain('my draft 42');
});
