import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, inject, test } from 'vitest';
import { type PageProbe, useBrowser } from './browser';
import { openInLab, typeCode } from './editor';

// Exercises whose code needs what only the browser's learner realm can prove it has: the Web
// Crypto API (AES-GCM) inside the sandboxed frame's worker, which Chromium gives no crypto.subtle
// (a blob:null worker is no secure context), and a fixture's environment variables, one of them
// KMS ciphertext made by the grader; and the STS client, which the learner runtime does not hold
// (the page hands it over as a separate module, imported only by code that needs it, with an XML
// parser that works without DOMParser). Node proves every exercise in
// test/exercises/exercises.test.ts; this proves these three where learners run them, in one page.
const appUrl = inject('appUrl');
const browser = useBrowser();
const exercises = path.resolve(__dirname, '../../content/exercises');
const read = (slug: string, file: string) => readFileSync(path.join(exercises, slug, file), 'utf8');
let probe: PageProbe;
beforeAll(async () => {
  probe = await browser.open(appUrl, { shared: true });
});

/** Opens the exercise through the app's own navigation: one cold load of the lab for the file. */
async function openExercise(page: Page, slug: string): Promise<void> {
  await openInLab(page, appUrl, slug);
}

/** Types the code, runs it, and answers the Checks panel's summary once the run has ended. */
async function run(page: Page, code: string): Promise<string> {
  await typeCode(page, code);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  return (await page.locator('.checks-summary').textContent()) ?? '';
}

test('envelope encryption runs on Web Crypto in the learner realm; a known mistake fails as named', async () => {
  // Prepare
  const { page, errors, foreign } = probe;
  await openExercise(page, 'envelope-encryption');

  // Act and assess: the solution seals a 9 KB certificate with AES-GCM and opens it again.
  expect(await run(page, read('envelope-encryption', 'solution.ts'))).toMatch(/^All 6 checks passed/);
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect
    .poll(() => page.locator('.output').textContent())
    .toMatch(/sealed 9045 bytes into 9061, with a \d+-byte encrypted data key; opened 9045 bytes/);

  // A known mistake fails with its own message, in the same page.
  const wrong = read('envelope-encryption', 'wrong/reuses-key-in-open.ts');
  const [, task, expected] = wrong.match(/^\/\/ expect: ([\w-]+): (.+)$/m) ?? [];
  expect(task).toBe('opens');
  expect(await run(page, wrong)).not.toMatch(/^All/);
  const messages = await page.locator('.check-fail .check-message').allTextContents();
  expect(messages.filter((m) => m.includes(expected ?? '?'))).toHaveLength(1);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test("a fixture's encrypted environment variable reaches process.env, and the solution decrypts it", async () => {
  const { page, errors, foreign } = probe;
  await openExercise(page, 'decrypt-environment-variable');
  expect(await run(page, read('decrypt-environment-variable', 'solution.ts'))).toMatch(/^All 4 checks passed/);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  // Two Decrypt calls for eleven invocations: the first found the key disabled, the next decrypted once.
  const calls = page.getByRole('region', { name: /Calls/ });
  expect(await calls.locator('.calls-table').textContent()).toMatch(/kms\.Decrypt\s*2/);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('the STS client loads in the learner realm on demand: AssumeRole, then a cross-account read as the role', async () => {
  const { page, errors, foreign } = probe;
  await openExercise(page, 'cross-account-secret');
  expect(await run(page, read('cross-account-secret', 'solution.ts'))).toMatch(/^All 4 checks passed/);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const calls = page.getByRole('region', { name: /Calls/ });
  expect(await calls.locator('.calls-table').textContent()).toMatch(/sts\.AssumeRole\s*1/);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});
