import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { diagramProblems } from './diagramLabels';
import { everyPage } from './pages';

const appUrl = inject('appUrl');
const browser = useBrowser();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's serious and critical findings on the page as it stands: every rule, or only those named. */
async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Injected once: the pages are visited by in-app navigation, so it stays.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = (await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    // Monaco's own widgets are third-party markup with known axe findings outside our control.
    const result = await axe.run(
      { exclude: [['.monaco-editor']] },
      { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) },
    );
    return result.violations;
  }, rules)) as Violation[];
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
 * Two passes over every page a learner can reach (one cold load each, then in-app navigation):
 * - light on a 1440 px desktop: every axe rule on every page;
 * - dark on a 390 px phone, where the layout changes most: nothing scrolls sideways (WCAG 1.4.10,
 *   reflow), a region that scrolls is reachable by keyboard, and dark colours keep their contrast on
 *   pages standing for each kind (the rest of axe's rules see the same markup as in light).
 * Both passes also read every lesson's diagrams: no label under 12 px in the page or enlarged.
 */
test('light, 1440 px: no serious axe violation on any page, every exercise and the quiz in use; every diagram reads at 12 px or more', async () => {
  const { page, errors, foreign } = await browser.open(appUrl, {
    colorScheme: 'light',
    viewport: DESKTOP,
    bypassCSP: true,
  });
  const found: string[] = [];
  let enlarged = 0;
  const visited = await everyPage(page, appUrl, async (route) => {
    for (const v of await seriousViolations(page)) found.push(`${route}: ${v}`);
    if (route.startsWith('/lessons/')) {
      const diagrams = await diagramProblems(page, route);
      found.push(...diagrams.problems);
      enlarged += diagrams.enlarged;
    }
  });
  expect(visited.length).toBeGreaterThanOrEqual(30);
  expect(found).toEqual([]);
  expect(enlarged, 'the course has diagrams in most lessons').toBeGreaterThanOrEqual(10);
  expect(errors).toEqual([]);
  expect(foreign, 'nothing is fetched from another origin').toEqual([]);
}, 600_000);

// Pages standing for each kind, for dark colours: prose, code, diagrams, tables, forms, charts.
const CONTRAST = new Set([
  '/',
  '/lessons/rotation',
  '/lab/read-db-credentials',
  '/quiz/practice (a question)',
  '/quiz/results/…',
  '/progress',
  '/readiness',
  '/instructor',
  '/instructor (class report)',
]);

test('dark, 390 px: no page scrolls sideways or hides a scrolling region from the keyboard; dark colours keep their contrast; every diagram reads at 12 px or more', async () => {
  const { page, errors } = await browser.open(appUrl, { colorScheme: 'dark', viewport: PHONE, bypassCSP: true });
  const found: string[] = [];
  let enlarged = 0;
  let contrast = 0;
  const visited = await everyPage(page, appUrl, async (route) => {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    if (scroll > client) found.push(`${route}: ${scroll} px wide at ${client}`);
    const rules = ['scrollable-region-focusable'];
    if (CONTRAST.has(route)) {
      rules.push('color-contrast');
      contrast++;
    }
    for (const v of await seriousViolations(page, rules)) found.push(`${route}: ${v}`);
    if (route.startsWith('/lessons/')) {
      const diagrams = await diagramProblems(page, route);
      found.push(...diagrams.problems);
      enlarged += diagrams.enlarged;
    }
  });
  expect(visited.length).toBeGreaterThanOrEqual(30);
  expect(contrast, 'every page standing for a kind was visited').toBe(CONTRAST.size);
  expect(found).toEqual([]);
  expect(enlarged).toBeGreaterThanOrEqual(10);
  expect(errors).toEqual([]);
}, 600_000);
