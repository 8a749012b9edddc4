import { expect, inject, test } from 'vitest';
import { tabTo, useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

// Every diagram's labels (in the page and enlarged, at 1440 and 390 px) are read in a11y.test.ts,
// which visits every lesson anyway. This file drives the Enlarge view itself, in one page.
test('Enlarge by keyboard: a modal dialog named after the diagram; keys zoom and pan, so do drag, wheel and pinch; Escape closes and focus returns', async () => {
  const { page, context } = await browser.open(appUrl, { viewport: { width: 1440, height: 900 } });
  await page.goto(`${appUrl}/lessons/rotation`);
  await page.waitForSelector('.prose[data-diagrams="done"]');
  // Tab from the diagram's heading (its "#" link), not from the top of the page: ~60 presses fewer.
  await page.locator('#how-the-staging-labels-move a.heading-anchor').focus();
  await tabTo(page, 'button.diagram-enlarge', /How the staging labels move/, 20);
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

  // Where Panzoom puts the diagram (its inline transform: the end of any animation under way).
  const transform = () =>
    page.locator('.diagram-dialog-canvas').evaluate((el) => {
      const m = new DOMMatrix((el as HTMLElement).style.transform || 'none');
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

  // The pointer: a drag pans, the wheel zooms, two fingers moving apart zoom (Chromium's touch input).
  const view = await page.locator('.diagram-dialog-viewport').boundingBox();
  if (!view) throw new Error('no viewport');
  const cx = view.x + view.width / 2;
  const cy = view.y + view.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 80, cy - 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await transform()).x).toBeLessThan(start.x - 40);
  const dragged = await transform();
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await transform()).scale).toBeGreaterThan(dragged.scale);
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

  // Tab cycles through the dialog's controls and never reaches the page behind it.
  await dialog.locator('.diagram-dialog-viewport').focus();
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
