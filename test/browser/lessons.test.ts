import { expect, inject, test } from 'vitest';
import { STORE_VERSION } from '../../src/store/migrations';
import { APP_STORAGE_KEY, useBrowser } from './browser';

const appUrl = inject('appUrl');
const fixtureUrl = inject('fixtureUrl');
const browser = useBrowser();

/** Waits until every diagram on the page has been handled (drawn or shown as an error). */
async function diagramsSettled(page: import('playwright-core').Page) {
  await page.waitForFunction(() => {
    const body = document.querySelector('.prose') as HTMLElement | null;
    return body !== null && (body.dataset.diagrams === 'done' || !body.querySelector('figure.mermaid-diagram'));
  });
}

// Every lesson's diagrams are drawn (and read at 12 px or more), with no console error and nothing
// fetched from elsewhere: a11y.test.ts, which visits every lesson; offline.test.ts opens each from
// the outline's links.

test('a deep link lands on its heading', async () => {
  const { page } = await browser.open(fixtureUrl);
  await page.goto(`${fixtureUrl}/lessons/broken-diagram#after-the-diagram`);
  const heading = page.locator('#after-the-diagram');
  await heading.waitFor();
  await diagramsSettled(page);
  await expect.poll(async () => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(200);
  expect(await heading.evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
});

test('a broken diagram shows an error box with the mermaid message and its source, and the rest renders', async () => {
  const { page } = await browser.open(fixtureUrl);
  await page.goto(`${fixtureUrl}/lessons/broken-diagram`);
  await diagramsSettled(page);
  const box = page.locator('.diagram-error');
  await expect.poll(() => box.count()).toBe(1);
  expect(await box.textContent()).toContain('could not be drawn');
  expect(await box.locator('.diagram-error-message').textContent()).toMatch(/\S/);
  expect(await box.locator('details pre').textContent()).toContain('A -->');
  expect(await page.getByText('This paragraph renders even though').count()).toBe(1);
});

test('"mark as read" survives a reload and counts in the progress', async () => {
  const { page } = await browser.open(fixtureUrl);
  await page.goto(`${fixtureUrl}/lessons/first-steps`);
  const button = page.locator('.lesson-footer button[aria-pressed]');
  await page.locator('.lesson-end').waitFor();
  await button.scrollIntoViewIfNeeded();
  // Scrolling to the end counts a lesson read (when the page is long enough to scroll): let that
  // settle, then take the button from wherever it stands.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  if ((await button.getAttribute('aria-pressed')) === 'true') {
    await button.click();
    await page.getByRole('button', { name: 'Mark as read' }).waitFor();
  }
  await page.getByRole('button', { name: 'Mark as read' }).click();
  await page.reload();
  await page.getByRole('button', { name: '✓ Read' }).waitFor();
  expect(await page.locator('.progress-parts').textContent()).toBe('1 of 3 lessons read · 0 of 1 exercises passed');
  // One of four parts of the path (three lessons, one exercise).
  expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
});

test('dark mode follows the system; the toggle switches at the first click, says its state, and is remembered', async () => {
  const { page } = await browser.open(fixtureUrl, { colorScheme: 'dark' });
  await page.goto(`${fixtureUrl}/lessons/first-steps`);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  // The choice as the store keeps it.
  const stored = () =>
    page.evaluate(() =>
      Object.values(localStorage)
        .map((v) => {
          try {
            return JSON.parse(v)?.state?.theme as string | undefined;
          } catch {
            return undefined;
          }
        })
        .find(Boolean),
    );
  await expect.poll(theme).toBe('dark');
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await toggle.click(); // a dark system: the first click goes light
  await expect.poll(theme).toBe('light');
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  expect(await stored()).toBe('light');
  await page.reload();
  await expect.poll(theme).toBe('light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect.poll(theme).toBe('dark');
  await diagramsSettled(page);
  expect(await page.locator('figure.mermaid-diagram svg').count()).toBe(1);
  // Back to what the system shows: the page follows the system again.
  await expect.poll(stored).toBe('system');

  const light = await browser.open(fixtureUrl, { colorScheme: 'light' });
  await light.page.goto(`${fixtureUrl}/lessons/first-steps`);
  await light.page.getByRole('button', { name: 'Dark theme', pressed: false }).click(); // a light system: dark at once
  await expect.poll(() => light.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('the outline, lessons and buttons work by keyboard alone', async () => {
  const { page } = await browser.open(fixtureUrl);
  await page.goto(fixtureUrl);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip to content');
  // Tab to the second lesson in the outline and open it with Enter.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.includes('A lesson with a broken diagram')) break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/broken-diagram/);
  expect(await page.locator('h1').textContent()).toBe('A lesson with a broken diagram');
});

test('a phone-sized screen opens the outline from the menu button', async () => {
  const { page } = await browser.open(fixtureUrl, { viewport: { width: 390, height: 844 } });
  await page.goto(`${fixtureUrl}/lessons/first-steps`);
  const outline = page.locator('#sidebar');
  expect(await outline.isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Course outline' }).click();
  await expect.poll(() => outline.isVisible()).toBe(true);
  await outline.getByRole('link', { name: /A lesson with a broken diagram/ }).click();
  await page.waitForURL(/broken-diagram/);
  await expect.poll(() => outline.isVisible()).toBe(false);
});

test('search finds a section and opens it', async () => {
  const { page } = await browser.open(fixtureUrl);
  await page.goto(fixtureUrl);
  await page.getByRole('combobox').fill('paragraph renders');
  await page.getByRole('option', { name: /After the diagram/ }).waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.url()).toMatch(/\/lessons\/broken-diagram#after-the-diagram$/);
  await page.locator('#after-the-diagram').waitFor();
});

/** Each diagram on the page: [shown from drawings made earlier (build or browser), its drawing]. */
function drawings(page: import('playwright-core').Page) {
  return page
    .locator('figure.mermaid-diagram')
    .evaluateAll((fs) =>
      fs.map((f) => [f.hasAttribute('data-from-cache'), f.querySelector('.diagram-frame')?.innerHTML ?? ''] as const),
    );
}

/** The page's requests for mermaid's code, and its drawings, so far. */
function mermaidWork(page: import('playwright-core').Page) {
  return page.evaluate(() => ({
    loaded: performance
      .getEntriesByType('resource')
      .filter((r) => /mermaid/.test(r.name))
      .map((r) => r.name),
    drawn: performance.getEntriesByName('diagram:render').length,
  }));
}

test('each lesson is prerendered: before any script its text and diagrams show, in the theme of the system, inert', async () => {
  const { page } = await browser.open(appUrl, { colorScheme: 'light', javaScriptEnabled: false });
  await page.goto(`${appUrl}/lessons/rotation`);
  expect(await page.title()).toMatch(/rotat.* · Secrets Lab$/i);
  const figures = page.locator('.prose figure.mermaid-diagram');
  expect(await figures.count()).toBeGreaterThanOrEqual(2);
  // Each figure holds the build's drawing in both themes; the system's theme shows one of them.
  const shown = () =>
    figures.evaluateAll((all) =>
      all.map((f) =>
        [...f.querySelectorAll<HTMLElement>(':scope > .diagram-frame')]
          .filter((frame) => frame.querySelector('svg') && frame.getClientRects().length > 0)
          .map((frame) => frame.dataset.prerenderedTheme),
      ),
    );
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await shown()).toEqual((await figures.all()).map(() => ['light']));
  const lightBackground = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await shown()).toEqual((await figures.all()).map(() => ['dark']));
  expect(await background()).not.toBe(lightBackground);
  // Nothing answers a click before the app starts: the copy is inert, so screen readers meet only
  // the live page that replaces it.
  expect(await page.locator('#root > .shell').getAttribute('inert')).toBe('');
  const title = page.locator('h1');
  expect(
    await title.evaluate((h) => {
      const box = h.getBoundingClientRect();
      return h.contains(document.elementFromPoint(box.x + 4, box.y + 4));
    }),
    'a click on the copy reaches nothing in it',
  ).toBe(false);
  // Nothing of the learner's own is known when the page is built: no progress figure, no read
  // ticks, no "Mark as read", no theme state, only empty shapes of their size.
  const shell = page.locator('.progress, .outline .check, .lesson-footer .button, .theme-toggle');
  expect(await shell.count()).toBeGreaterThan(3);
  expect((await shell.allTextContents()).join(' ')).not.toMatch(/\d|Mark as read|Read|✓|☾|☀/);
  expect(await page.locator('#root [aria-pressed], #root [aria-valuenow]').count()).toBe(0);
  expect(await page.locator('.progress [data-skeleton]').count()).toBe(3);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string } }[];
  };
  expect(nodes.filter((n) => !n.ignored && n.role?.value === 'heading')).toEqual([]);
  // On a phone the live page marks the wide diagrams, whose bar then shows "Wider than the page…":
  // the bar is as tall either way, so nothing below moves when the app takes over.
  await page.setViewportSize({ width: 390, height: 844 });
  const barHeights = (scrolls: boolean) =>
    figures.evaluateAll(
      (all, on) =>
        all.map((f) => {
          f.toggleAttribute('data-scrolls', on);
          return f.querySelector('.diagram-bar')?.getBoundingClientRect().height;
        }),
      scrolls,
    );
  const withoutHint = await barHeights(false);
  expect(withoutHint.every((h) => h !== undefined && h > 0)).toBe(true);
  expect(await barHeights(true)).toEqual(withoutHint);
});

test('a long lesson lays out and paints its text only near the screen, every diagram always; a deep link still lands on its heading', async () => {
  // Where each diagram stands, whether it is drawn (laid out, not in a block skipped by
  // content-visibility), and how many text blocks are skipped (their content is).
  const state = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const drawn = (e: Element) => e.checkVisibility({ contentVisibilityAuto: true });
      return {
        figures: [...document.querySelectorAll('.prose figure.mermaid-diagram')].map((f) => ({
          top: f.getBoundingClientRect().top,
          drawn: [...f.querySelectorAll('.diagram-frame svg')].some(drawn),
        })),
        skipped: [...document.querySelectorAll('.prose > *')].filter(
          (block) => block.firstElementChild && !drawn(block.firstElementChild),
        ).length,
        screen: innerHeight,
      };
    });
  const viewport = { width: 1280, height: 720 };
  // The prerendered copy (the first frame's page), then the live page: one stylesheet.
  const copy = await browser.open(appUrl, { viewport, javaScriptEnabled: false });
  await copy.page.goto(`${appUrl}/lessons/kms-envelope-encryption`);
  const live = await browser.open(appUrl, { viewport });
  await live.page.goto(`${appUrl}/lessons/kms-envelope-encryption`);
  await live.page.locator('.lesson-end').waitFor();
  for (const page of [copy.page, live.page]) {
    const { figures, skipped, screen } = await state(page);
    expect(Math.max(...figures.map((f) => f.top)), 'a diagram several screens down').toBeGreaterThan(4 * screen);
    expect(figures.map((f) => f.drawn)).toEqual(figures.map(() => true));
    expect(skipped, 'text blocks far from the screen').toBeGreaterThan(10);
  }
  // A deep link far down: the blocks above it are not drawn, yet it lands on its heading, and stays
  // there once the blocks around it are.
  const { page } = await browser.open(appUrl, { viewport });
  await page.goto(`${appUrl}/lessons/kms-envelope-encryption#quotas-and-throttling`);
  const heading = page.locator('#quotas-and-throttling');
  await page.locator('.lesson-end').waitFor();
  await expect.poll(() => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(200);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);
  expect((await state(page)).skipped).toBeGreaterThan(10);
});

test('a learner who chose the dark theme on a light system gets the prerendered copy dark from its first paint, before the app runs', async () => {
  const { page, errors } = await browser.open(appUrl, { colorScheme: 'light', serviceWorkers: 'block' });
  await page.addInitScript((key) => {
    localStorage.setItem(key, JSON.stringify({ state: { theme: 'dark' } }));
    // When the theme is set, is there a body yet? Without one, nothing of the page can have been painted.
    const seen: boolean[] = [];
    Object.assign(window, { bodyWhenThemed: seen });
    new MutationObserver(() => {
      if (document.documentElement?.dataset.theme) seen.push(document.body !== null);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  }, APP_STORAGE_KEY);
  // The app never starts: what shows is the copy and the page's one inline script (themeBoot.ts).
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(`${appUrl}/lessons/rotation`);
  expect(await page.locator('#root > .shell[inert]').count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await page.evaluate(() => (window as unknown as { bodyWhenThemed: boolean[] }).bodyWhenThemed)).toEqual([
    false,
  ]);
  // The page's CSP allows that inline script (by its hash) and refused nothing else.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  const shownFrames = await page
    .locator('.diagram-frame[data-prerendered-theme]')
    .evaluateAll((all) =>
      all.filter((f) => f.getClientRects().length > 0).map((f) => f.getAttribute('data-prerendered-theme')),
    );
  expect(shownFrames.length).toBeGreaterThanOrEqual(2);
  expect(new Set(shownFrames)).toEqual(new Set(['dark']));
  // The stored choice made it dark: without it the light system's page is light.
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const chosen = await background();
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
  expect(await background()).not.toBe(chosen);
});

test('until Inter arrives the text is set in a face scaled to Inter, so it moves less when Inter comes than in the system font', async () => {
  /** The summed heights of the lesson copy's text blocks (their lines wrap by the font's widths). */
  const textHeight = async (font: 'inter' | 'held' | 'system') => {
    const { page, context } = await browser.open(appUrl, { colorScheme: 'light', serviceWorkers: 'block' });
    // The prerendered copy alone, as the parser lays it out before any script of ours.
    await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
    // Inter never arrives: the page stays in its fallback.
    if (font !== 'inter') await page.route(/\/assets\/inter-latin-wght-normal-[\w-]+\.woff2$/, () => {});
    // Not 'load': a font that never arrives holds it.
    await page.goto(`${appUrl}/lessons/rotation`, { waitUntil: 'domcontentloaded' });
    // The system font: the stack without the scaled face.
    if (font === 'system')
      await page.evaluate(() => document.documentElement.style.setProperty('--font', 'system-ui, sans-serif'));
    const height = await page.evaluate(async (waitForInter) => {
      if (waitForInter) await document.fonts.load('16px Inter');
      const blocks = [...document.querySelectorAll('.prose h1, .prose h2, .prose p, .prose li')];
      return blocks.reduce((sum, b) => sum + b.getBoundingClientRect().height, 0);
    }, font === 'inter');
    await context.close();
    return height;
  };
  const inter = await textHeight('inter');
  const held = await textHeight('held');
  const system = await textHeight('system');
  expect(inter).toBeGreaterThan(1000);
  // Chromium here has Liberation Sans (Arial's metric twin) and DejaVu Sans as system-ui.
  expect(Math.abs(held - inter), `Inter ${inter}, scaled fallback ${held}, system ${system}`).toBeLessThan(
    Math.abs(system - inter),
  );
});

test('a lesson opened at its file (/lessons/<slug>.html) whose text never arrives still starts, at its own address', async () => {
  const { page } = await browser.open(appUrl, { serviceWorkers: 'block' });
  // The lesson's text stalls: a request nobody ever answers.
  await page.route(/\/assets\/choosing-a-service-[\w-]{8}\.js$/, () => {});
  await page.goto(`${appUrl}/lessons/choosing-a-service.html`, { waitUntil: 'commit' });
  // The app takes over from the inert copy after a bounded wait, and says it is still loading.
  await page.locator('#root > .shell:not([inert])').waitFor();
  await page.getByText('Loading lesson…').waitFor();
  expect(await page.locator('h1').textContent()).toBe('Secrets Manager or Parameter Store?');
  expect(new URL(page.url()).pathname).toBe(`${new URL(appUrl).pathname}/lessons/choosing-a-service`);
  await page.getByRole('link', { name: 'Lab', exact: true }).click();
  await page.waitForURL(/\/lab$/);
});

test('a first visit shows the diagrams the build drew, in either theme, without loading mermaid; a returning learner never sees 0 lessons read', async () => {
  const { page, errors } = await browser.open(appUrl, { colorScheme: 'light' });
  // A learner who read a lesson before (nothing drawn kept): every text the progress card ever shows,
  // from the prerendered copy's first paint on.
  await page.addInitScript(
    ({ key, version }) => {
      localStorage.setItem(key, JSON.stringify({ state: { lessonsRead: { rotation: Date.now() } }, version }));
      const seen: string[] = [];
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const text = document.querySelector('.progress')?.textContent;
        if (text !== undefined && text !== seen.at(-1)) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    },
    { key: APP_STORAGE_KEY, version: STORE_VERSION },
  );
  // The page's font (Inter, shipped with the app) arrives only once the app has asked for the
  // lesson's text: the app waits for it before comparing how text measures with the build (in a
  // fallback font it measures otherwise, and mermaid would draw the diagrams again).
  let releaseFont = () => {};
  const fontHeld = new Promise<void>((release) => {
    releaseFont = release;
  });
  await page.route(/\/assets\/inter-latin-wght-normal-[\w-]+\.woff2$/, async (route) => {
    await fontHeld;
    await route.continue();
  });
  const textAsked = page.waitForRequest(/\/assets\/rotation-[\w-]{8}\.js$/);
  await page.goto(`${appUrl}/lessons/rotation`, { waitUntil: 'commit' });
  await textAsked;
  releaseFont();
  await diagramsSettled(page);
  expect(
    await page.evaluate(() =>
      [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter').map((f) => f.status),
    ),
  ).toEqual(['loaded']);
  const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(progressSeen.at(-1)).toMatch(/^Your progress1\/\d+1 of \d+ lessons read/);
  expect(progressSeen.filter((text) => /\d/.test(text) && !text.includes('1 of'))).toEqual([]);
  // The app has replaced the prerendered copy with the same lesson, live.
  expect(await page.locator('[data-prerendered-theme], #root [inert]').count()).toBe(0);
  const light = await drawings(page);
  expect(light.length).toBeGreaterThanOrEqual(2);
  expect(light.every(([held, svg]) => held && svg.startsWith('<svg'))).toBe(true);

  await page.locator('.theme-toggle').click(); // a light system: the first click goes dark
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await expect.poll(async () => (await drawings(page)).map(([, svg]) => svg)).not.toEqual(light.map(([, svg]) => svg));
  await diagramsSettled(page);
  const dark = await drawings(page);
  expect(dark.every(([held, svg]) => held && svg.startsWith('<svg'))).toBe(true);
  // Mermaid's dark theme, with the page's contrast fix for edge labels (diagrams/config.ts).
  expect(dark.some(([, svg]) => svg.includes('#1d212c'))).toBe(true);
  expect(await mermaidWork(page)).toEqual({ loaded: [], drawn: 0 });
  expect(errors).toEqual([]);
});

// Mermaid sizes boxes to the text as measured in the page's font: where text measures otherwise than
// in the build's Chromium (other fonts installed), the page draws the diagrams itself, and keeps them.
test('a browser whose fonts differ draws the diagrams itself; opened again, it shows them kept, without mermaid; a new theme draws afresh; the next lesson is drawn while this one is read', async () => {
  const { page, errors } = await browser.open(appUrl, { colorScheme: 'light', serviceWorkers: 'block' });
  // Every page of the app ends its head with the other font (a lesson's page carries its stylesheet inline).
  await page.route(
    (url) => url.pathname.startsWith(new URL(appUrl).pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</head>',
        '<style>:root { --font: "DejaVu Serif", serif; }</style></head>',
      );
      await route.fulfill({ response, body: html });
    },
  );
  const drawn = () => drawings(page);
  // What an older release drew (another mermaid version) is there to be cleared away.
  await page.goto(`${appUrl}/`);
  const stale = 'mermaid 0.0.1 · drawing 1 · light\nflowchart LR\n  A --> B';
  await page.evaluate(
    (key) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('secrets-lab-diagrams');
        open.onupgradeneeded = () => open.result.createObjectStore('svg');
        open.onsuccess = () => {
          const tx = open.result.transaction('svg', 'readwrite');
          tx.objectStore('svg').put('<svg>old</svg>', key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    stale,
  );
  const kept = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('secrets-lab-diagrams');
          open.onsuccess = () => {
            const all = open.result.transaction('svg').objectStore('svg').getAllKeys();
            all.onsuccess = () => resolve(all.result.map(String));
          };
        }),
    );
  await page.goto(`${appUrl}/lessons/rotation`);
  await diagramsSettled(page);
  const first = await drawn();
  await expect.poll(kept).not.toContain(stale);
  // Each diagram, and a flowchart that scrolls in its column also drawn the other way round.
  expect((await kept()).filter((k) => k.startsWith('mermaid ')).length).toBeGreaterThanOrEqual(first.length);
  expect(first.length).toBeGreaterThanOrEqual(2);
  expect(first.every(([cached, svg]) => !cached && String(svg).startsWith('<svg'))).toBe(true);

  await page.reload();
  await diagramsSettled(page);
  expect(await drawn()).toEqual(first.map(([, svg]) => [true, svg]));
  // (Afterwards, while the lesson is read, mermaid may load to make the next lesson ready.)
  expect(
    await page.evaluate(() => {
      const shown = performance.getEntriesByName('lesson:diagrams')[0]?.startTime ?? 0;
      return performance
        .getEntriesByType('resource')
        .filter((r) => /mermaid/.test(r.name) && r.startTime <= shown)
        .map((r) => r.name);
    }),
    'mermaid was not even loaded to show the lesson',
  ).toEqual([]);

  await page.locator('.theme-toggle').click(); // a light system: the first click goes dark
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await expect.poll(async () => (await drawn()).map(([cached]) => cached)).toEqual(first.map(() => false));

  // Meanwhile the next lesson was made ready (in this theme): "Next →" shows its diagrams in the
  // same render as its text, drawn beforehand, with nothing left for mermaid to draw on arrival.
  // (Made ready in this theme: the mark of the preparation that followed the dark drawing, not one
  // left from before the theme changed, which would leave the dark one still drawing after the click.)
  await diagramsSettled(page);
  await page.waitForFunction(() => {
    const shown = performance.getEntriesByName('lesson:diagrams').at(-1)?.startTime ?? 0;
    return performance.getEntriesByName('lesson:next-ready').some((e) => e.startTime > shown);
  });
  const clickedAt = await page.evaluate(() => performance.now());
  await page.locator('a[rel="next"]').click();
  await page.waitForURL(/\/lessons\/parameter-store$/);
  await page.waitForFunction(() =>
    document.querySelector('a[rel="prev"]')?.getAttribute('href')?.endsWith('/rotation'),
  );
  await diagramsSettled(page);
  const next = await drawn();
  expect(next.length).toBeGreaterThanOrEqual(1);
  expect(next.every(([cached, svg]) => cached && String(svg).startsWith('<svg'))).toBe(true);
  // No drawing between the click and the diagrams shown (once they are, the page may go on to
  // make the lesson after this one ready: those drawings come later and are not counted).
  const drawnOnArrival = await page.evaluate((since) => {
    const shown = performance.getEntriesByName('lesson:diagrams').at(-1)?.startTime ?? Number.POSITIVE_INFINITY;
    return performance.getEntriesByName('diagram:render').filter((e) => e.startTime >= since && e.startTime <= shown)
      .length;
  }, clickedAt);
  expect(drawnOnArrival).toBe(0);
  expect(errors).toEqual([]);
});
