import type { Page } from 'playwright-core';

/**
 * Replaces the lab editor's content the way a learner would: select all, delete, then type (as
 * inserted text). Monaco takes input through an EditContext element: a click on the text focuses it.
 */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** The editor's text as drawn (Monaco draws spaces as no-break spaces; lines run together). */
export async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Opens an exercise in the lab and waits for its editor. */
export async function gotoLab(page: Page, appUrl: string, slug = 'read-db-credentials'): Promise<void> {
  await page.goto(`${appUrl}/lab/${slug}`);
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
}

/**
 * Opens an exercise in a page that already shows the app as the app's own links do, by way of the
 * exercise list: the lab page mounts afresh (its draft, its editor, its result), while the page
 * keeps Monaco, its TypeScript worker and the sandbox's workers loaded, as for a learner going from
 * one exercise to the next. A page not on the app yet is loaded first. (A cold load of the lab costs
 * a CI run seconds per test: the tests of a file share one page and come here.)
 */
export async function openInLab(page: Page, appUrl: string, slug = 'read-db-credentials'): Promise<void> {
  if (!page.url().startsWith(`${appUrl}/`)) return gotoLab(page, appUrl, slug);
  const base = new URL(appUrl).pathname.replace(/\/$/, '');
  await page.evaluate((to) => history.pushState(null, '', to), `${base}/lab`);
  await page.getByRole('heading', { level: 1, name: 'Write the code, run it, get graded' }).waitFor();
  await page.evaluate((to) => history.pushState(null, '', to), `${base}/lab/${slug}`);
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
}

/** Types `code` (when given) as a learner would, clicks Run and waits until the run has ended. */
export async function runCode(page: Page, code?: string, timeout = 60_000): Promise<void> {
  if (code !== undefined) await typeCode(page, code);
  const button = page.getByRole('button', { name: '▶ Run' });
  await button.click();
  await button.waitFor({ timeout });
}

/** Opens a result tab and answers what its panel shows. */
export async function resultText(page: Page, tab: 'Output' | 'Checks'): Promise<string> {
  await page.getByRole('tab', { name: tab === 'Checks' ? /Checks/ : tab }).click();
  return (await page.locator('.result-panel').textContent()) ?? '';
}
