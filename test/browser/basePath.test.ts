import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';

// The app is built with `--base /secrets-lab/` and served under that path (globalSetup.ts).
// offline.test.ts walks it (a deep link, every page's addresses under the base, an exercise run and
// passed, a quiz, /progress, then all of it offline); this file covers a host with no SPA fallback.
const appUrl = inject('appUrl');
const browser = useBrowser();

test('on a host without rewrites (GitHub Pages), a deep link answered with the shipped 404.html opens its page', async () => {
  // Prepare: such a host answers a path that is no file with its 404.html, status 404.
  const { page, errors, foreign } = await browser.open(appUrl);
  const index = await (await page.request.get(`${appUrl}/index.html`)).text();
  const notFound = await page.request.get(`${appUrl}/404.html`);
  expect(notFound.status()).toBe(200);
  const notFoundPage = await notFound.text();
  expect(notFoundPage, '404.html is the app itself').toBe(index);
  const deepLink = `${appUrl}/quiz/history`;
  await page.route(deepLink, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: notFoundPage }));
  const errorStatuses: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) errorStatuses.push(r.url());
  });
  // Act
  await page.goto(deepLink);
  // Assess: the router draws the deep link's page, under the base, with nothing missing.
  await page.getByRole('heading', { level: 1, name: /history/i }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`${new URL(appUrl).pathname}/quiz/history`);
  // The one 404 is the host's answer for the page itself (which the browser logs); every script,
  // style and chunk the page needed came from under the base.
  expect(errorStatuses).toEqual([deepLink]);
  expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  expect(foreign).toEqual([]);
});
