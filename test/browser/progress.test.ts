import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { APP_STORAGE_KEY, tabTo, useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

/** Reads the open lesson to its end, as a learner would: scrolled to its end, a lesson counts as read. */
async function readToEnd(page: Page) {
  await page.locator('.lesson-end').waitFor(); // the text has loaded
  await page.locator('.lesson-footer').scrollIntoViewIfNeeded();
}

/** The "What is stored" count for one kind of item. */
async function stored(page: Page, label: string): Promise<number> {
  const line = page.locator('.progress-summary li', { hasText: label });
  return Number(await line.locator('.progress-count').textContent());
}

const saved = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), APP_STORAGE_KEY);

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import progress…' }).click();
  await (await chooser).setFiles(file);
}

test('export, reset (asked first), import: everything comes back and survives a reload', async () => {
  const { page, errors } = await browser.open(appUrl);
  // Some progress: two lessons read and a draft in exercise 1.
  for (const slug of ['rotation', 'caching-secrets']) {
    await page.goto(`${appUrl}/lessons/${slug}`);
    await readToEnd(page);
    await page.getByRole('button', { name: '✓ Read' }).waitFor();
  }
  await page.goto(`${appUrl}/lab/read-db-credentials`);
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('// exported-draft-7\n');
  await expect
    .poll(async () => (await saved(page)).state?.drafts?.['read-db-credentials']?.code)
    .toContain('exported-draft-7');

  // The sidebar folds away in an exercise: the link is in the course outline's footer.
  await page.goto(`${appUrl}/`);
  await page.getByRole('navigation', { name: 'Your data' }).getByRole('link', { name: 'Your progress' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  expect(await stored(page, 'Lessons marked as read')).toBe(2);
  expect(await stored(page, 'Code drafts')).toBe(1);
  await expect.poll(() => page.getByTestId('storage-usage').textContent()).toMatch(/\d.* of .* available to this site/);

  // Export: one JSON file with the schema version and the learner's items.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^secrets-lab-progress-\d{4}-\d\d-\d\d\.json$/);
  const text = await readFile(await file.path(), 'utf8');
  const exported = JSON.parse(text);
  expect(exported).toMatchObject({ app: 'secrets-lab', kind: 'progress', version: (await saved(page)).version });
  expect(Object.keys(exported.state.lessonsRead).sort()).toEqual(['caching-secrets', 'rotation']);
  expect(exported.state.drafts['read-db-credentials'].code).toContain('exported-draft-7');

  // Reset asks first: Cancel keeps everything, confirming clears it.
  await page.getByRole('button', { name: 'Reset all progress' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await stored(page, 'Lessons marked as read')).toBe(2);
  await page.getByRole('button', { name: 'Reset all progress' }).click();
  await dialog.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText('All progress was reset.').waitFor();
  expect(await stored(page, 'Lessons marked as read')).toBe(0);
  expect(await stored(page, 'Code drafts')).toBe(0);
  expect((await saved(page)).state.lessonsRead).toEqual({});

  // Import the exported file: the items come back, reported, and persisted.
  await chooseFile(page, { name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText(/^Imported progress\.json: 2 lessons read( and |, ).*1 draft/).waitFor();
  expect(await stored(page, 'Lessons marked as read')).toBe(2);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  expect(await stored(page, 'Lessons marked as read')).toBe(2);
  expect(await stored(page, 'Code drafts')).toBe(1);
  await page.goto(`${appUrl}/lab/read-db-credentials`);
  await expect
    .poll(() => page.locator('.monaco-editor .view-lines').textContent(), { timeout: 30_000 })
    .toContain('exported-draft-7');

  // Importing the same file again changes nothing and says so.
  await page.goto(`${appUrl}/progress`);
  await chooseFile(page, { name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText(/nothing new, this browser already had everything in it/).waitFor();
  expect(errors).toEqual([]);
});

test('a wrong file or one from a newer version is refused with a clear message, and nothing changes', async () => {
  const { page } = await browser.open(appUrl);
  await page.goto(`${appUrl}/lessons/rotation`);
  await readToEnd(page);
  await page.getByRole('button', { name: '✓ Read' }).waitFor();
  await page.goto(`${appUrl}/progress`);
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  const before = await saved(page);

  await chooseFile(page, {
    name: 'package.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name":"secrets-lab","version":"0.1.0"}'),
  });
  expect(await page.getByRole('alert').textContent()).toMatch(
    /package\.json: This JSON file is not a Secrets Lab progress file/,
  );

  const newer = {
    app: 'secrets-lab',
    kind: 'progress',
    version: before.version + 1,
    exportedAt: new Date().toISOString(),
    state: {},
  };
  await chooseFile(page, {
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(newer)),
  });
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/future\.json: This file was exported by a newer version of Secrets Lab/);

  await chooseFile(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json at all') });
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/it is not JSON/);
  expect(await saved(page)).toEqual(before);
  expect(await stored(page, 'Lessons marked as read')).toBe(1);
});

test('export and reset work with the keyboard alone; Escape cancels the reset', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/lessons/rotation`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.lesson-end').waitFor();
  await page.keyboard.press('End'); // read to the end: the lesson counts as read
  await page.getByRole('button', { name: '✓ Read' }).waitFor();
  await page.goto(`${appUrl}/progress`);
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  expect(await stored(page, 'Lessons marked as read')).toBe(1);

  const download = page.waitForEvent('download');
  await tabTo(page, 'button', /^Export progress$/);
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/^secrets-lab-progress-.*\.json$/);

  // The confirmation takes the focus; Escape closes it and nothing changes.
  await tabTo(page, 'button', /^Reset all progress$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await stored(page, 'Lessons marked as read')).toBe(1);

  await page.keyboard.press('Enter'); // the focus is back on "Reset all progress"
  await dialog.waitFor();
  await tabTo(page, 'button', /^Reset everything$/);
  await page.keyboard.press('Enter');
  await page.getByText('All progress was reset.').waitFor();
  expect(await stored(page, 'Lessons marked as read')).toBe(0);
  expect(errors).toEqual([]);
}, 120_000);

/** Issue 12, "Progress that breaks for good, silently", reproduced in the page. */
const progressFile = (state: unknown) => ({
  name: 'progress.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ app: 'secrets-lab', kind: 'progress', version: 3, state })),
});

test('a file keyed by inherited names (constructor) is refused; exports still import afterwards', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/lessons/rotation`);
  await readToEnd(page);
  await page.getByRole('button', { name: '✓ Read' }).waitFor();
  await page.goto(`${appUrl}/progress`);
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  const before = await saved(page);

  await chooseFile(page, progressFile({ exerciseProgress: { constructor: { attempts: 2, passed: true } } }));
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/damaged at state\.exerciseProgress\.constructor: "constructor" cannot be an id.*Nothing was imported/);
  expect(await saved(page)).toEqual(before);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  await chooseFile(page, { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByText(/^Imported mine\.json: nothing new/).waitFor();
  expect(errors).toEqual([]);
});

test('a 40 MB draft is refused up front, never reported as imported, and nothing is saved', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/progress`);
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  // The 40 MB file is made in the page (sending it through the file chooser takes longer than the test).
  await page.evaluate(() => {
    const head =
      '{"app":"secrets-lab","kind":"progress","version":3,"state":{"drafts":{"read-db-credentials":{"code":"';
    const file = new File([head, 'x'.repeat(40 * 1024 * 1024), '","savedAt":1}}}}'], 'progress.json', {
      type: 'application/json',
    });
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect
    .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
    .toBe('progress.json: This file is 40.0 MB; a Secrets Lab progress file is at most 3.8 MB. Nothing was imported.');
  expect(await page.getByText(/Imported/).count()).toBe(0);
  expect(await stored(page, 'Code drafts')).toBe(0);
  expect(errors).toEqual([]);
});

test('a value nested 100,000 deep is refused, and Export keeps working', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/progress`);
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  await chooseFile(page, {
    name: 'deep.json',
    mimeType: 'application/json',
    buffer: Buffer.from(`{"app":"secrets-lab","kind":"progress","version":3,"state":{"notes":${deep}}}`),
  });
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/deep\.json: .*more than 24 levels deep/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  expect(JSON.parse(await readFile(await (await download).path(), 'utf8'))).toMatchObject({ kind: 'progress' });
  await page.getByText(/^Exported secrets-lab-progress-/).waitFor();
  expect(errors).toEqual([]);
});

test('when the browser refuses to save, the learner is told at once, with what to do', async () => {
  const { page } = await browser.open(appUrl);
  await page.goto(`${appUrl}/lessons/rotation`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Fill this site's localStorage to the last character.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try {
        localStorage.setItem(`filler-${i}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await readToEnd(page); // counts the lesson read: a write the full storage refuses
  const notice = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(/storage for Secrets Lab is full.*Export your progress/);
  await notice.getByRole('link', { name: 'Your progress →' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
});
