import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

test('the first visit says it saves the course for offline use, how far it got, and when it works offline; then a diagram enlarges offline', async () => {
  const { page, context } = await browser.open(appUrl);
  // Every text the offline card ever shows, recorded in the page as it changes.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { offlineTexts: string[] }).offlineTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.offline-progress')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${appUrl}/lessons/rotation`);
  await page.waitForSelector('.prose[data-diagrams="done"]');

  const card = page.locator('.offline-progress');
  await card.getByText('Secrets Lab now works offline').waitFor({ timeout: 180_000 });
  expect(await card.getByRole('status').textContent()).toContain('Secrets Lab now works offline');
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

  // The amounts said are the build's: offline-files.json lists exactly what the service worker precaches.
  const { listed, precached } = await page.evaluate(async () => {
    const list = (await (await fetch('/offline-files.json')).json()) as { files: Record<string, number> };
    const sw = await (await fetch('/sw.js')).text();
    return { listed: list.files, precached: [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]))] };
  });
  expect(new Set(Object.keys(listed))).toEqual(new Set(precached));
  const total = Object.values(listed).reduce((a, b) => a + b, 0);
  expect(total, 'the course is megabytes, not a few files').toBeGreaterThan(5_000_000);
  const totalSaid = `${total >= 10_000_000 ? Math.round(total / 1e6) : Math.round(total / 1e5) / 10} MB`;

  const texts = await page.evaluate(() => (window as unknown as { offlineTexts: string[] }).offlineTexts);
  const progress = texts
    .map((t) => t.match(/Saving for offline: ([\d.]+) MB of ([\d.]+ MB)/))
    .filter((m): m is RegExpMatchArray => m !== null);
  expect(progress.length, `said how far it got: ${texts.join(' | ')}`).toBeGreaterThan(0);
  for (const m of progress) expect(m[2]).toBe(totalSaid);
  const amounts = progress.map((m) => Number(m[1]));
  expect(amounts, 'the amount only grows').toEqual([...amounts].sort((a, b) => a - b));
  expect(texts.some((t) => t.includes('Saving the course for offline use'))).toBe(true);

  // Offline now: the lesson opens from the cache, its diagram enlarges (the dialog's own chunk too).
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.prose[data-diagrams="done"]');
  await page.locator('button.diagram-enlarge').first().click();
  await page.getByRole('dialog', { name: 'The rotation sequence' }).locator('svg').first().waitFor();
});
