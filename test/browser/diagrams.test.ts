import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { tabTo, useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Every lesson, from the app's own outline (on a phone folded away: its links are read all the same). */
async function lessonLinks(page: Page): Promise<string[]> {
  await page.goto(appUrl);
  return page
    .locator('#sidebar .outline-list a[href^="/lessons/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * The font size, in screen px, of the smallest label in each SVG the selector finds: every <text>
 * and every piece of text inside a <foreignObject>, scaled by everything between it and the
 * screen (the page's own sizing, Panzoom's transform).
 */
function smallestLabels(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((svgs) =>
    svgs.map((svg) => {
      let smallest = Number.POSITIVE_INFINITY;
      for (const el of svg.querySelectorAll('text, foreignObject *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!own) continue;
        const host = (el instanceof SVGGraphicsElement ? el : el.closest('foreignObject')) as SVGGraphicsElement;
        const m = host.getScreenCTM();
        if (!m) continue;
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b));
      }
      return Math.round(smallest * 10) / 10;
    }),
  );
}

for (const [name, viewport, colorScheme] of [
  ['a desktop, light', DESKTOP, 'light'],
  ['a phone, dark', PHONE, 'dark'],
] as const) {
  test(`every diagram reads at 12 px or more, in the page and enlarged, on ${name}`, async () => {
    const { page, errors } = await browser.open(appUrl, { viewport, colorScheme });
    const small: string[] = [];
    let withDiagrams = 0;
    let enlarged = 0;
    for (const href of await lessonLinks(page)) {
      await page.goto(`${appUrl}${href}`);
      await page.waitForSelector('.prose[data-diagrams="done"]');
      if (!(await page.locator('figure.mermaid-diagram').count())) continue;
      withDiagrams++;
      const inPage = await smallestLabels(page, 'figure.mermaid-diagram .diagram-frame > svg');
      expect(inPage.length, href).toBe(await page.locator('figure.mermaid-diagram').count());
      inPage.forEach((px, i) => {
        if (!(px >= 12)) small.push(`${href} diagram ${i + 1} in the page: ${px} px`);
      });
      // No diagram is shrunk into the column beyond readable: a wide one scrolls in its own frame.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      const buttons = page.locator('figure.mermaid-diagram button.diagram-enlarge');
      for (let i = 0; i < (await buttons.count()); i++) {
        await buttons.nth(i).click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('.diagram-dialog-viewport[data-ready]').waitFor();
        const [px] = await smallestLabels(page, 'dialog .diagram-dialog-canvas > svg');
        if (!(px !== undefined && px >= 12)) small.push(`${href} diagram ${i + 1} enlarged: ${px} px`);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
        enlarged++;
      }
    }
    expect(small).toEqual([]);
    expect(withDiagrams, 'the course has diagrams in most lessons').toBeGreaterThanOrEqual(5);
    expect(enlarged).toBeGreaterThanOrEqual(withDiagrams);
    expect(errors).toEqual([]);
  }, 300_000);
}

test('Enlarge by keyboard: a modal dialog named after the diagram; keys zoom and pan; Escape closes and focus returns', async () => {
  const { page } = await browser.open(appUrl, { viewport: DESKTOP });
  await page.goto(`${appUrl}/lessons/rotation`);
  await page.waitForSelector('.prose[data-diagrams="done"]');
  await page.locator('#how-the-staging-labels-move').scrollIntoViewIfNeeded();
  await tabTo(page, 'button.diagram-enlarge', /How the staging labels move/, 200);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Enlarge diagram: How the staging labels move',
  );
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'How the staging labels move' });
  await dialog.waitFor();
  expect(await dialog.evaluate((d) => (d as HTMLDialogElement).matches(':modal'))).toBe(true);
  await dialog.locator('.diagram-dialog-viewport[data-ready]').waitFor();
  // Focus is in the dialog, on the diagram itself, which is announced by the diagram's title.
  const focused = () =>
    page.evaluate(() => ({
      inDialog: Boolean(document.activeElement?.closest('dialog')),
      label: document.activeElement?.getAttribute('aria-label'),
    }));
  expect(await focused()).toEqual({ inDialog: true, label: 'Diagram: How the staging labels move' });

  const transform = () =>
    page.locator('.diagram-dialog-canvas').evaluate((el) => {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      return { scale: Math.round(m.a * 1000) / 1000, x: Math.round(m.e), y: Math.round(m.f) };
    });
  const start = await transform();
  await page.keyboard.press('+');
  await expect.poll(async () => (await transform()).scale).toBeGreaterThan(start.scale);
  const zoomed = await transform();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await transform()).x).toBeLessThan(zoomed.x);
  await page.keyboard.press('0');
  await expect.poll(transform).toEqual(start);

  // Tab cycles through the dialog's controls and never reaches the page behind it.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => ({
      inDialog: Boolean(document.activeElement?.closest('dialog')),
      body: document.activeElement === document.body,
    }));
    // (Past the last control, focus may visit the browser's own UI: document.body here.)
    expect(where.inDialog || where.body, `Tab ${i + 1} left the dialog`).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Enlarge diagram: How the staging labels move',
  );
});

test('the enlarged view pans by dragging, zooms with the wheel, and pinches on a touch screen', async () => {
  const { page, context } = await browser.open(appUrl, { viewport: PHONE });
  await page.goto(`${appUrl}/lessons/parameter-hierarchies`);
  await page.waitForSelector('.prose[data-diagrams="done"]');
  await page.locator('button.diagram-enlarge').first().click();
  const canvas = page.locator('.diagram-dialog-canvas');
  await page.locator('.diagram-dialog-viewport[data-ready]').waitFor();
  const transform = () =>
    canvas.evaluate((el) => {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      return { scale: m.a, x: m.e, y: m.f };
    });
  const view = await page.locator('.diagram-dialog-viewport').boundingBox();
  if (!view) throw new Error('no viewport');
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;

  const before = await transform();
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 80, cy - 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await transform()).x).toBeLessThan(before.x - 40);

  const dragged = await transform();
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await transform()).scale).toBeGreaterThan(dragged.scale);

  // Two fingers moving apart, as Chromium's touch input delivers them.
  const wheeled = (await transform()).scale;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
  const fingers = (d: number) => [
    { x: cx - d, y: cy, id: 0 },
    { x: cx + d, y: cy, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
  for (let d = 40; d <= 150; d += 10)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => (await transform()).scale).toBeGreaterThan(wheeled);
});
