import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { typeCode } from './editor';

// The app is served under a project path (test/browser/globalSetup.ts): "/secrets-lab/".
const appUrl = inject('appUrl');
const base = `${new URL(appUrl).pathname.replace(/\/$/, '')}/`;
const browser = useBrowser();
const solution = readFileSync(
  path.resolve(__dirname, '../../content/exercises/read-db-credentials/solution.ts'),
  'utf8',
);

/**
 * Every request that failed or was answered with an error status, from the page and its workers.
 * blob: URLs are memory, not the network: one is "aborted" when the lab ends a learner worker whose
 * script was still loading, which says nothing about working offline (a module that really failed to
 * load fails the run, and the test sees that).
 */
function watchFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith('blob:')) failures.push(`failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()}: ${r.url()}`);
  });
  return failures;
}

/** Responses with an error status (≥ 400), from the page, its frames and workers. */
function watchStatuses(page: Page): string[] {
  const bad: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.status()}: ${r.url()}`);
  });
  return bad;
}

/**
 * Every address of this page that is on the app's host but outside its base path: links (the app's
 * own and those inside lesson text), stylesheets, the manifest, icons, scripts and images.
 */
function outsideBase(page: Page): Promise<string[]> {
  return page.evaluate((prefix) => {
    const urls = [
      ...[...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
      ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((l) => l.href),
      ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
      ...[...document.querySelectorAll<HTMLImageElement>('img[src]')].map((i) => i.src),
    ];
    return urls.filter((u) => {
      const url = new URL(u);
      return url.origin === location.origin && !url.pathname.startsWith(prefix);
    });
  }, base);
}

/** The URLs of the page's requests (its frames' and workers') that have neither finished nor failed. */
function watchInFlight(page: Page): () => string[] {
  const pending = new Map<object, string>();
  page.on('request', (r) => pending.set(r, r.url()));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return () => [...pending.values()];
}

/** Waits until the service worker is activated, controls the page, and holds the whole precache. */
async function installed(page: Page): Promise<number> {
  const manifest = await page.evaluate(async (prefix) => {
    const sw = await (await fetch(`${prefix}sw.js`)).text();
    return [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]))];
  }, base);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state), { timeout: 120_000 })
    .toBe('activated');
  // The precache's URLs are the manifest's, under the base: the service worker's scope.
  const cached = await page.evaluate(async (prefix) => {
    const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
    const keys = name ? await (await caches.open(name)).keys() : [];
    return keys.map((r) => {
      const { pathname } = new URL(r.url);
      return pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
    });
  }, base);
  expect(cached.length, 'the precache holds every file of the build').toBe(manifest.length);
  expect(new Set(cached)).toEqual(new Set(manifest));
  return manifest.length;
}

/**
 * The first visit's card (src/app/pwa/OfflineProgress) said it was saving the course, how far it
 * got (the build's own amounts, only growing), and now says the course works offline.
 */
async function offlineCardSaidSo(page: Page) {
  // (Read from the record: the card leaves by itself a few seconds after it is done.)
  const said = () => page.evaluate(() => (window as unknown as { offlineTexts: string[] }).offlineTexts);
  await expect
    .poll(async () => (await said()).some((t) => t.startsWith('Secrets Lab now works offline')), { timeout: 60_000 })
    .toBe(true);
  // The amounts said are the build's: offline-files.json lists exactly what the service worker precaches.
  const { listed, precached } = await page.evaluate(async (prefix) => {
    const list = (await (await fetch(`${prefix}offline-files.json`)).json()) as { files: Record<string, number> };
    const sw = await (await fetch(`${prefix}sw.js`)).text();
    return { listed: list.files, precached: [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]))] };
  }, base);
  expect(new Set(Object.keys(listed))).toEqual(new Set(precached));
  const total = Object.values(listed).reduce((a, b) => a + b, 0);
  expect(total, 'the course is megabytes, not a few files').toBeGreaterThan(5_000_000);
  const totalSaid = `${total >= 10_000_000 ? Math.round(total / 1e6) : Math.round(total / 1e5) / 10} MB`;

  const texts = await said();
  const progress = texts
    .map((t) => t.match(/Saving for offline: ([\d.]+) MB of ([\d.]+ MB)/))
    .filter((m): m is RegExpMatchArray => m !== null);
  expect(progress.length, `said how far it got: ${texts.join(' | ')}`).toBeGreaterThan(0);
  for (const m of progress) expect(m[2]).toBe(totalSaid);
  const amounts = progress.map((m) => Number(m[1]));
  expect(amounts, 'the amount only grows').toEqual([...amounts].sort((a, b) => a - b));
  expect(texts.some((t) => t.includes('Saving the course for offline use'))).toBe(true);
}

/** Gives some answer to the question on screen (as test/browser/quiz.test.ts does). */
async function answerShown(page: Page) {
  const question = page.locator('.quiz-question');
  if (await question.locator('.quiz-order').count()) return;
  if (await question.locator('input[type=checkbox]').count()) {
    const count = Number((await question.locator('.quiz-count').textContent())?.match(/of (\d)/)?.[1]);
    for (let i = 0; i < count; i++) await question.locator('input[type=checkbox]').nth(i).check();
    return;
  }
  await question.locator('input[type=radio]').first().check();
}

test('under a project path (/secrets-lab/), after one visit opened by a deep link (whose card says it saves the course, how far, and when done), the whole app works offline: lessons with diagrams enlarged, an exercise, a quiz, every address under the base, no failed request', async () => {
  const { page, context, errors, foreign } = await browser.open(appUrl);
  const statuses = watchStatuses(page);
  // Every request to the app's host, the service worker's included, stays under the base.
  const requestsOutside: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(appUrl).origin && !url.pathname.startsWith(base)) requestsOutside.push(r.url());
  });
  const addressesOutside: string[] = [];
  const lookAtAddresses = async () => addressesOutside.push(...(await outsideBase(page)));

  // Every text the offline card ever shows, recorded in the page as it changes.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { offlineTexts: string[] }).offlineTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.offline-progress')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });

  // A deep link (a bookmark, a shared address): the host's SPA fallback answers with index.html.
  await page.goto(`${appUrl}/lessons/rotation`);
  await page.getByRole('heading', { level: 1, name: /rotat/i }).waitFor();
  await lookAtAddresses();
  const entries = await installed(page);
  expect(entries, 'workers, Monaco, mermaid, the SDK types and content are all there').toBeGreaterThan(100);
  await offlineCardSaidSo(page);

  // From here on there is no network at all; every request must be served by the service worker.
  // (Nothing is left in flight: a navigation would abort it, and an aborted request counts as failed.)
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  const failures = watchFailures(page);
  const inFlight = watchInFlight(page);
  await page.goto(`${appUrl}/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await lookAtAddresses();

  // Every lesson, every diagram shown as an SVG: each lesson's drawings (made by the build) came from the cache.
  const lessonLinks = page.getByRole('list', { name: 'Lessons' }).locator(':scope > li > a');
  const lessons = await lessonLinks.count();
  expect(lessons).toBeGreaterThanOrEqual(10);
  let diagrams = 0;
  let enlargedOffline = false;
  for (let i = 0; i < lessons; i++) {
    await lessonLinks.nth(i).click();
    await page.waitForFunction(() => {
      const body = document.querySelector<HTMLElement>('.prose');
      return body !== null && (body.dataset.diagrams === 'done' || !body.querySelector('figure.mermaid-diagram'));
    });
    const figures = await page.locator('figure.mermaid-diagram').count();
    diagrams += figures;
    const title = (await page.locator('h1').textContent()) ?? '';
    expect(await page.locator('figure.mermaid-diagram svg').count(), title).toBe(figures);
    if (figures && !enlargedOffline) {
      // The Enlarge view's own chunk (and Panzoom's) came from the cache too.
      await page.locator('button.diagram-enlarge').first().click();
      await page.locator('dialog .diagram-dialog-viewport[data-ready] svg').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('dialog.diagram-dialog').waitFor({ state: 'detached' });
      enlargedOffline = true;
    }
    await lookAtAddresses();
  }
  expect(enlargedOffline).toBe(true);
  expect(diagrams).toBeGreaterThanOrEqual(5);

  // The rest of the visit moves through the app's own links, as a learner does.
  const sections = page.getByRole('navigation', { name: 'Sections' });

  // Exercise 1, typed and run: Monaco, its workers, the SDK types and the sandbox worker, all cached.
  await sections.getByRole('link', { name: 'Lab' }).click();
  await page.locator('.card-link', { hasText: 'Read the database credentials' }).click();
  await page.waitForURL(/\/lab\/read-db-credentials$/);
  await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
  await typeCode(page, solution);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  expect(await page.locator('.checks-summary').textContent()).toMatch(/^All \d+ checks passed/);
  await lookAtAddresses();

  // A short practice quiz, to its results.
  await sections.getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('radio', { name: 'Lesson' }).check();
  await page.getByLabel('Which lesson').selectOption('rotation');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await page.waitForURL(/\/quiz\/practice$/);
  const total = Number((await page.locator('.quiz-of').textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(0);
  for (let i = 1; i <= total; i++) {
    await page.getByRole('heading', { level: 2, name: `Question ${i} of ${total}` }).waitFor();
    await answerShown(page);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.locator('.quiz-verdict').waitFor();
    await page.getByRole('button', { name: i === total ? 'See results' : 'Next question →' }).click();
  }
  await page.waitForURL(/\/quiz\/results\//);
  expect(await page.getByText(new RegExp(`^${total} of ${total} questions answered, \\d+ right`)).count()).toBe(1);
  await lookAtAddresses();

  // Still offline, the progress page says the offline copy is ready, and a deep link reloads.
  await page.getByRole('navigation', { name: 'Your data' }).getByRole('link', { name: 'Your progress' }).click();
  await page.getByText('Ready: the whole course, the lab and the quiz work with no network.').waitFor();
  expect(
    await page
      .locator('.progress-summary li', { hasText: 'Quiz attempts finished' })
      .locator('.progress-count')
      .textContent(),
  ).toBe('1');
  // Nothing may be left in flight: the reload would abort it, and an aborted request counts as failed.
  await expect.poll(inFlight, { timeout: 30_000 }).toEqual([]);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await lookAtAddresses();
  // The worker answers a lesson's address with its prerendered page (src/lesson/build/prerenderPlugin.ts).
  const lessonPage = await page.evaluate((url) => fetch(url).then((r) => r.text()), `${appUrl}/lessons/rotation`);
  expect(lessonPage).toContain('data-prerendered="rotation"');

  expect(statuses).toEqual([]);
  expect(addressesOutside).toEqual([]);
  expect(requestsOutside).toEqual([]);
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
}, 300_000);

test('the app is installable: a manifest with 192 and 512 PNG icons and a maskable one', async () => {
  const { page } = await browser.open(appUrl);
  await page.goto(`${appUrl}/`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href as string);
  expect(manifest).toMatchObject({
    name: 'Secrets Lab',
    short_name: 'Secrets Lab',
    display: 'standalone',
    // Installed, the app opens at its base path, and its scope is that path alone.
    start_url: base,
    scope: base,
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  for (const [sizes, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ]) {
    const icon = icons.find((i) => i.sizes === sizes && i.purpose === purpose && i.type === 'image/png');
    expect(icon, `${sizes} ${purpose}`).toBeDefined();
    // An icon's src is relative to the manifest (which sits at the base path).
    const src = new URL(icon?.src as string, new URL(href as string, page.url())).href;
    const size = await page.evaluate(async (url) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      return `${bitmap.width}x${bitmap.height}`;
    }, src);
    expect(size).toBe(sizes);
  }
});
