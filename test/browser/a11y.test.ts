import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { everyPage } from './pages';

const appUrl = inject('appUrl');
const browser = useBrowser();
const PHONE = { width: 390, height: 844 };
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Injected once: the pages are visited by in-app navigation, so it stays.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    // Monaco's own widgets are third-party markup with known axe findings outside our control.
    const result = await axe.run({ exclude: [['.monaco-editor']] }, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/*
 * Two passes over every page: light on a desktop, and dark on a phone (where the layout changes
 * most), the second also checking that nothing scrolls sideways (WCAG 1.4.10, reflow).
 */
test('axe finds no serious or critical violations on any page, every exercise and the quiz in use (light, desktop)', async () => {
  const { page } = await browser.open(appUrl, { colorScheme: 'light', bypassCSP: true });
  const found: string[] = [];
  const visited = await everyPage(page, appUrl, async (route) => {
    for (const v of await seriousViolations(page)) found.push(`${route}: ${v}`);
  });
  expect(visited.length).toBeGreaterThanOrEqual(30);
  expect(found).toEqual([]);
}, 600_000);

test('on a phone in dark mode, no page has a serious axe violation or scrolls sideways', async () => {
  const { page } = await browser.open(appUrl, { colorScheme: 'dark', viewport: PHONE, bypassCSP: true });
  const found: string[] = [];
  const visited = await everyPage(page, appUrl, async (route) => {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    if (scroll > client) found.push(`${route}: ${scroll} px wide at ${client}`);
    for (const v of await seriousViolations(page)) found.push(`${route}: ${v}`);
  });
  expect(visited.length).toBeGreaterThanOrEqual(30);
  expect(found).toEqual([]);
}, 600_000);
