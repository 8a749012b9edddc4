import { beforeAll, expect, inject, test } from 'vitest';
import { type PageProbe, useBrowser } from './browser';
import { editorText, openInLab, typeCode } from './editor';

// The parts of the lab around the run: the editor's settings and theme, the solution's
// gating, error lines, and the clock controls.

const appUrl = inject('appUrl');
const browser = useBrowser();

// One page for the file (a light system), as a learner going from one exercise to the next: each
// test opens its exercise afresh through the app's own navigation, at the window size it needs,
// and sees only its own console errors. No test passes an exercise; the test that changes the
// editor's settings and the theme, and reloads, comes last.
let probe: PageProbe;
beforeAll(async () => {
  probe = await browser.open(appUrl, { colorScheme: 'light', shared: true });
});

async function openExercise(slug: string, viewport = { width: 1280, height: 900 }) {
  probe.errors.length = 0;
  await probe.page.setViewportSize(viewport);
  await openInLab(probe.page, appUrl, slug);
  return probe;
}

test('the solution opens only after a confirmation (or a pass), beside the learner’s own code', async () => {
  const { page, errors } = await openExercise('read-db-credentials');
  await typeCode(page, '// my own attempt\n');
  await page.getByRole('tab', { name: 'Solution' }).click();
  expect(await page.locator('.solution-code').count()).toBe(0);
  await page.getByRole('button', { name: 'Show the solution anyway' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await page.locator('.solution-code').count()).toBe(0);
  await page.getByRole('button', { name: 'Show the solution anyway' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show it' }).click();
  expect(await page.locator('.solution-code').textContent()).toContain('GetSecretValueCommand');
  expect(await editorText(page)).toContain('my own attempt');
  expect(errors).toEqual([]);
});

test('IntelliSense offers the SDK client’s send (from the SDK types), and hover shows a course helper’s declaration', async () => {
  const { page, errors } = await openExercise('read-db-credentials');
  await typeCode(
    page,
    "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\nimport { connect } from '@pettracker/db';\nconst client = new SecretsManagerClient({});\nclient.",
  );
  // The SDK types arrive after the editor shows: ask again (Ctrl+Space) until they are in.
  const suggestions = () =>
    page
      .locator('.suggest-widget .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
        await page
          .locator('.suggest-widget .monaco-list-row')
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        return suggestions();
      },
      { timeout: 60_000 },
    )
    .toEqual(expect.arrayContaining(['config, Field', 'destroy, Function', 'send, Function']));
  // (Accepting one by typing while the list refreshes is timing-dependent in headless Chromium: the
  // list itself is what IntelliSense offers.)
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await expect.poll(() => editorText(page)).toMatch(/client$/);

  // Ctrl+K Ctrl+I shows the hover of the word at the cursor.
  await page.keyboard.insertText(';\nconnect');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await expect
    .poll(async () => (await page.locator('.monaco-hover').allTextContents()).join(' ').replace(/\u00a0/g, ' '))
    .toMatch(/function connect\(options: ConnectOptions\): Promise<Connection>.*"AuthenticationError"/s);
  expect(errors).toEqual([]);
});

test('Ctrl+Enter runs the code, and a thrown error names the learner’s line', async () => {
  const { page } = await openExercise('read-db-credentials');
  await typeCode(page, "const a = 1;\nconst b = 2;\nthrow new Error('stop at line three');\n");
  // Ctrl+Enter (Cmd+Enter on a Mac) in the editor runs the code.
  // (No click anywhere: the error shown below can only come from that run.)
  await page.keyboard.press('ControlOrMeta+Enter');
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Output' }).click();
  const error = page.locator('.run-error');
  expect(await error.textContent()).toContain('stop at line three');
  expect(await error.getByRole('button', { name: 'line 3' }).count()).toBe(1);
});

test('the clock controls move the last run’s simulated time, and the inspector shows it', async () => {
  const { page } = await openExercise('ttl-cache');
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const clock = page.locator('.inspector-clock time');
  const now = async () => Date.parse((await clock.getAttribute('datetime')) ?? '');
  const before = await now();
  expect(before).toBeGreaterThan(0);
  await page.getByRole('group', { name: 'Simulated clock' }).getByRole('button', { name: '+1 day' }).click();
  await expect.poll(now).toBe(before + 24 * 60 * 60 * 1000);
});

test('on a phone, a finished run brings the results below the editor into view', async () => {
  const { page, errors } = await openExercise('read-db-credentials', { width: 390, height: 844 });
  const run = page.getByRole('button', { name: '▶ Run' });
  await run.click();
  await run.waitFor({ timeout: 20_000 });
  // The checks' tab row is on screen, below the sticky top bar.
  await expect
    .poll(() =>
      page.locator('.lab-panels').evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        return top >= 60 && top < window.innerHeight / 2;
      }),
    )
    .toBe(true);
  expect(errors).toEqual([]);
});

test('screen reader mode and "Tab moves focus" are remembered; the editor follows the theme', async () => {
  const { page } = await openExercise('read-db-credentials');
  expect(await page.locator('.monaco-editor').getAttribute('class')).toMatch(/\bvs\b/);
  await page.locator('.editor-settings summary').click();
  await page.getByLabel('Screen reader mode').check();
  await page.getByLabel('Tab moves focus').check();
  await page.reload();
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
  await page.locator('.editor-settings summary').click();
  expect(await page.getByLabel('Screen reader mode').isChecked()).toBe(true);
  expect(await page.getByLabel('Tab moves focus').isChecked()).toBe(true);
  // With "Tab moves focus", Tab leaves the editor instead of indenting.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(false);

  await page.locator('.theme-toggle').click(); // a light system: the first click goes dark
  await expect.poll(() => page.locator('.monaco-editor').getAttribute('class')).toMatch(/\bvs-dark\b/);
});
