import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

async function typeCode(page: Page, code: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Runs code in exercise 1's sandbox and returns what the Output tab shows. */
async function runAndRead(page: Page, code: string): Promise<string> {
  await typeCode(page, code);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Output' }).click();
  return (await page.locator('.result-panel').textContent()) ?? '';
}

/** The page answers within a second: its main thread was never blocked by learner code. */
async function responsive(page: Page) {
  const started = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return Date.now() - started;
}

test('hostile learner code is contained, each time with a clear message, and the page stays responsive', async () => {
  const { page, foreign } = await browser.open(appUrl);
  await page.goto(`${appUrl}/lab/read-db-credentials`);
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  const saved = await page.evaluate(() => JSON.stringify(localStorage));

  const cases: [string, string, RegExp][] = [
    ['sync infinite loop', 'while (true) {}', /did not finish within 5 s/],
    ['async infinite loop', 'while (true) { await Promise.resolve(); }', /did not finish within 5 s/],
    ['memory bomb', 'const a: string[] = []; while (true) a.push("x".repeat(1e6) + a.length);', /did not finish|stopped unexpectedly/],
    ['deep recursion', 'const f = (n: number): number => f(n + 1) + 1; f(0);', /RangeError.*Maximum call stack/s],
    ['fetch outside', "await fetch('https://example.com/');", /Network access is blocked in the sandbox/],
    ['XMLHttpRequest', "const x = new XMLHttpRequest(); x.open('GET', 'https://example.com/'); x.send();", /Network access is blocked in the sandbox: XMLHttpRequest/],
    ['WebSocket', "new WebSocket('wss://example.com/');", /Network access is blocked in the sandbox: WebSocket/],
    ['importScripts', "(globalThis as any).importScripts('https://example.com/x.js');", /Network access is blocked in the sandbox: importScripts/],
    ['postMessage flood', 'for (let i = 0; i < 1e6; i++) (self as any).postMessage({ type: "done", runId: 1 });', /Posting messages to the page is not available in the sandbox/],
    ['prototype postMessage', 'Object.getPrototypeOf(self).postMessage.call(self, "x");', /Posting messages to the page is not available/],
    ['localStorage', "localStorage.setItem('secrets-lab', 'pwned'); console.log('wrote', localStorage.length);", /wrote 1/],
    ['indexedDB', "console.log('indexedDB:', typeof (globalThis as any).indexedDB, 'caches:', typeof (globalThis as any).caches);", /indexedDB: undefined caches: undefined/],
    ['document', "console.log(typeof document, typeof window);", /undefined undefined/],
    ['prototype pollution', "(Object.prototype as any).polluted = 'yes'; console.log('set');", /set/],
    ['pollution does not leak into the next run', "console.log('leak:', ({} as any).polluted ?? 'none');", /leak: none/],
  ];
  for (const [name, code, expected] of cases) {
    const output = await runAndRead(page, code);
    expect(output, name).toMatch(expected);
    expect(await responsive(page), `${name}: the page stayed responsive`).toBeLessThan(1000);
  }
  // The learner's localStorage was the sandbox's own: the page's storage is as it was, or only the
  // app's own progress changed (attempt counts), never the value the code wrote.
  const after = await page.evaluate(() => localStorage.getItem('secrets-lab'));
  expect(after).not.toBe('pwned');
  expect(JSON.parse(after ?? '{}')).toHaveProperty('state');
  expect(saved.length).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
});

test('the built page carries a Content Security Policy that refuses inline script and eval', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval|https?:/);
  const outcome = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    let evalAllowed = true;
    try {
      new Function('return 1')();
    } catch {
      evalAllowed = false;
    }
    return { inline: (window as unknown as { __inline?: boolean }).__inline === true, evalAllowed };
  });
  expect(outcome).toEqual({ inline: false, evalAllowed: false });
  // The refusals above are the only policy reports: the app itself needs nothing the policy forbids.
  expect(errors.filter((e) => !/inline script|unsafe-eval|evaluate a string/i.test(e))).toEqual([]);
});
