import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const ROUTES = [
  '/',
  '/lessons/rotation',
  '/lab',
  '/lab/read-db-credentials',
  '/quiz',
  '/progress',
  '/readiness',
  '/instructor',
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
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

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations on any route (${scheme})`, async () => {
    const { page } = await browser.open(appUrl, { colorScheme: scheme, bypassCSP: true });
    const found: string[] = [];
    for (const route of ROUTES) {
      await page.goto(`${appUrl}${route}`);
      await page.locator('main h1').first().waitFor({ timeout: 60_000 });
      if (route.startsWith('/lessons/'))
        await page.waitForSelector('.prose[data-diagrams="done"]', { timeout: 60_000 });
      if (route.startsWith('/lab/')) await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
      for (const v of await seriousViolations(page)) found.push(`${route}: ${v}`);
    }
    expect(found).toEqual([]);
  }, 180_000); // eight routes, each loaded and scanned: slow on a busy machine
}
