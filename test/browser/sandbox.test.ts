import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { APP_STORAGE_KEY, useBrowser } from './browser';
import { gotoLab, resultText, runCode } from './editor';

const appUrl = inject('appUrl');
const browser = useBrowser();

/** Runs code in exercise 1's sandbox and returns what the Output tab shows. */
async function runAndRead(page: Page, code: string): Promise<string> {
  await runCode(page, code, 150_000);
  return resultText(page, 'Output');
}

/**
 * The page still draws a frame after the run: its main thread is not held by learner code. (That
 * learner code never ran on it is shown by the loops' own message: a loop on the main thread
 * could not have been stopped after 5 s.) No time limit is asserted: a held thread never answers,
 * and the test's own timeout reports it.
 */
function drawsAFrame(page: Page): Promise<boolean> {
  return page.evaluate(() => new Promise<boolean>((done) => requestAnimationFrame(() => done(true))));
}

describe('hostile learner code is contained with a clear message, and the page stays responsive', () => {
  let page: Page;
  let foreign: string[];
  beforeAll(async () => {
    ({ page, foreign } = await browser.open(appUrl, { shared: true }));
    await gotoLab(page, appUrl);
  });

  const cases: [string, string, RegExp][] = [
    ['a sync infinite loop', 'while (true) {}', /did not finish within 5 s/],
    ['an async infinite loop', 'while (true) { await Promise.resolve(); }', /did not finish within 5 s/],
    [
      'a memory bomb',
      'const a: string[] = []; while (true) a.push("x".repeat(1e6) + a.length);',
      /did not finish|stopped unexpectedly/,
    ],
    ['deep recursion', 'const f = (n: number): number => f(n + 1) + 1; f(0);', /RangeError.*Maximum call stack/s],
    ['fetch to outside', "await fetch('https://example.com/');", /Network access is blocked in the sandbox/],
    [
      'XMLHttpRequest',
      "const x = new XMLHttpRequest(); x.open('GET', 'https://example.com/'); x.send();",
      /Network access is blocked in the sandbox: XMLHttpRequest/,
    ],
    ['WebSocket', "new WebSocket('wss://example.com/');", /Network access is blocked in the sandbox: WebSocket/],
    [
      'importScripts',
      "(globalThis as any).importScripts('https://example.com/x.js');",
      /Network access is blocked in the sandbox: importScripts/,
    ],
    [
      'a postMessage flood',
      'for (let i = 0; i < 1e6; i++) (self as any).postMessage({ type: "done", runId: 1 });',
      /Posting messages to the page is not available in the sandbox/,
    ],
    [
      'postMessage from the prototype',
      'Object.getPrototypeOf(self).postMessage.call(self, "x");',
      /Posting messages to the page is not available/,
    ],
    [
      'localStorage',
      "localStorage.setItem('secrets-lab', 'pwned'); console.log('wrote', localStorage.length);",
      /ReferenceError: localStorage is not defined/,
    ],
    [
      'indexedDB and caches',
      "console.log('indexedDB:', typeof (globalThis as any).indexedDB, 'caches:', typeof (globalThis as any).caches);",
      /indexedDB: undefined caches: undefined/,
    ],
    ['document and window', 'console.log(typeof document, typeof window);', /undefined undefined/],
  ];
  for (const [name, code, expected] of cases) {
    test(name, async () => {
      expect(await runAndRead(page, code)).toMatch(expected);
      expect(await drawsAFrame(page), 'the page stayed responsive').toBe(true);
    }, 180_000);
  }

  // Each of these runs what it needs itself: alone, it proves the same as after the cases above.
  test('prototype pollution does not reach the next run', async () => {
    expect(
      await runAndRead(page, "(Object.prototype as any).polluted = 'yes'; console.log('set', ({} as any).polluted);"),
    ).toMatch(/set yes/);
    expect(await runAndRead(page, "console.log('leak:', ({} as any).polluted ?? 'none');")).toMatch(/leak: none/);
  }, 180_000);

  test("the page's own storage was never touched, and nothing left the page", async () => {
    await runAndRead(page, `(globalThis as any).localStorage?.setItem('${APP_STORAGE_KEY}', 'pwned');`);
    const after = await page.evaluate((key) => localStorage.getItem(key), APP_STORAGE_KEY);
    expect(after).not.toBe('pwned');
    expect(JSON.parse(after ?? '{}')).toHaveProperty('state');
    expect(foreign).toEqual([]);
  }, 180_000);
});

test('the built page carries a Content Security Policy that refuses inline script and other origins', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval|https?:/);
  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    let connect = 'allowed';
    try {
      await fetch('https://example.com/');
    } catch {
      connect = 'refused';
    }
    return { inline: (window as unknown as { __inline?: boolean }).__inline === true, connect };
  });
  expect(outcome).toEqual({ inline: false, connect: 'refused' });
  // The refusals above are the only policy reports: the app itself needs nothing the policy forbids.
  expect(errors.filter((e) => !/Content Security Policy|Failed to fetch/i.test(e))).toEqual([]);
});
