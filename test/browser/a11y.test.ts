import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { everyPage } from './pages';

const appUrl = inject('appUrl');
const browser = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Known and being fixed elsewhere (issue 16, "Lab"): on the exercises with clock controls, the
 * Results tablist holds a `role=group`. Listed here so this test can visit those pages now; the
 * entry goes when src/lab's fix lands.
 */
const KNOWN: { route: RegExp; id: string }[] = [
  { route: /^\/lab\/(ttl-cache|lambda-extension)$/, id: 'aria-required-children' },
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
  test(`axe finds no serious or critical violations on any page, every exercise and the quiz in use (${scheme})`, async () => {
    const { page } = await browser.open(appUrl, { colorScheme: scheme, bypassCSP: true });
    const found: string[] = [];
    const visited = await everyPage(page, appUrl, async (route) => {
      for (const v of await seriousViolations(page)) {
        if (!KNOWN.some((k) => k.route.test(route) && v.startsWith(`${k.id} `))) found.push(`${route}: ${v}`);
      }
    });
    expect(visited.length).toBeGreaterThanOrEqual(30);
    expect(found).toEqual([]);
  }, 600_000);
}
