import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { typeCode } from './editor';

const appUrl = inject('appUrl');
const browser = useBrowser();

async function openLab() {
  const probe = await browser.open(appUrl);
  await probe.page.goto(`${appUrl}/lab/read-db-credentials`);
  await probe.page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  return probe;
}

async function run(page: Page, code: string) {
  await typeCode(page, code);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 60_000 });
}

test('a syntax error leads the Checks panel with its line and column, and no check passes', async () => {
  const { page } = await openLab();
  await run(page, 'export async function getDbCredentials( {\n}');
  const panel = page.locator('.result-panel');
  expect(await page.getByRole('tab', { name: /Checks/ }).getAttribute('aria-selected')).toBe('true');
  const error = panel.locator('.run-error');
  expect(await error.textContent()).toMatch(/^Your code could not be readline \d+, column \d+SyntaxError: /);
  expect(await panel.textContent()).not.toContain('main.ts');
  expect(await panel.locator('.check-pass').count()).toBe(0);
  expect(await panel.locator('.check-skipped').count()).toBe(4);
  // The hints do not pretend: they lead with the same error, not with a check.
  await page.getByRole('tab', { name: 'Hints' }).click();
  expect(await page.locator('.hints .callout').textContent()).toMatch(/Your code could not be read \(line \d+\)/);
});

test('hints and check messages draw their Markdown: code is code, not backticks', async () => {
  const { page } = await openLab();
  await page.getByRole('tab', { name: 'Hints' }).click();
  const hint = page.locator('.hints li').first();
  expect(await hint.locator('code').first().textContent()).toMatch(/^client\.send\(/);
  expect(await hint.textContent()).not.toContain('`');
  await run(page, 'export const nothing = 1;');
  await page.getByRole('tab', { name: /Checks/ }).click();
  const message = page.locator('.check-fail .check-message').first();
  expect(await message.locator('code').count()).toBeGreaterThan(0);
  expect(await message.textContent()).not.toContain('`');
});
