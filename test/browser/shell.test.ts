import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();
const PHONE = { width: 390, height: 844 };

test('on a phone the top bar shows the brand and every control whole; search opens full width and finds lessons, exercises and questions', async () => {
  const { page } = await browser.open(appUrl, { viewport: PHONE });
  await page.goto(`${appUrl}/lessons/rotation`);
  // The live page, not the prerendered copy (browser.ts): the lesson's end is only in the app.
  await page.locator('.lesson-end').waitFor();
  const bar = page.locator('header.topbar');
  const inside = async (name: string, locator: ReturnType<typeof page.locator>) => {
    const box = await locator.boundingBox();
    expect(box, `${name} is shown`).not.toBeNull();
    if (!box) return;
    expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(PHONE.width);
  };
  await inside('the brand', bar.getByRole('link', { name: 'Secrets Lab' }));
  expect(await bar.locator('.brand-name').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  for (const name of ['Lessons', 'Lab', 'Quiz', 'Readiness'])
    await inside(name, bar.getByRole('link', { name, exact: true }));
  await inside('the theme', bar.getByRole('button', { name: 'Dark theme' }));

  const open = bar.getByRole('button', { name: 'Search the course' });
  await open.click();
  const box = page.getByRole('combobox', { name: /Search lessons, exercises and questions/ });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
  await inside('the search box', box);
  expect((await box.boundingBox())?.width, 'the box takes the bar’s width').toBeGreaterThan(260);
  await box.fill('staging labels');
  const first = page.getByRole('option').first();
  // Under load the list may be drawn again as the exercises' and questions' index arrives: wait for a
  // shown first result (a state), then measure it.
  await expect.poll(async () => (await first.boundingBox()) !== null).toBe(true);
  await inside('the first result', first);
  // Exercises and questions are found too, their matched words marked.
  await box.fill('envelope GenerateDataKey');
  for (const kind of ['Lab', 'Question']) {
    const hit = page.getByRole('option', { name: new RegExp(`^${kind} `) }).first();
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents(), kind).toEqual(
      expect.arrayContaining([expect.stringMatching(/^generatedatakey$/i)]),
    );
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => box.isVisible()).toBe(false);
  expect(await open.evaluate((el) => el === document.activeElement), 'focus returns to the search button').toBe(true);
});

// That no page scrolls sideways on a phone is checked page by page in a11y.test.ts (one pass for both).
