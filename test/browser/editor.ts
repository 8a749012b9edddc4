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
