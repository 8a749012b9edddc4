import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lookup } from 'mrmime';
import type { Page } from 'playwright-core';
import type { Logger, Plugin } from 'vite';
import { buildChromium } from './buildChromium.ts';
import type { Drawn } from './drawAtBuildPlugin.ts';
import { inlineStylesheets } from './inlineCss.ts';

/**
 * Prerenders every lesson: once the bundle is written, the built app itself opens each lesson in
 * headless Chromium and its page is saved as `lessons/<slug>.html` beside
 * `index.html`: the shell, the outline and the lesson's text with its diagrams (the build's drawings,
 * drawnAtBuildPlugin.ts) in both themes, so a first visit shows them in its first paint, before any
 * script. Each figure carries a frame per theme (`data-prerendered-theme`); the stylesheet shows the
 * one of the page's theme: the system's (src/app/build/systemDarkCss.ts), or the learner's choice,
 * set before the body is parsed by the one inline script (src/app/build/themeBoot.ts).
 * The app then starts on the same page: main.tsx renders once the lesson's text and drawings are in
 * memory, and React's first render replaces the static copy with the same lesson, live.
 * - A static host serves `/lessons/<slug>` from `lessons/<slug>.html` (GitHub Pages, `vite preview`,
 *   the service worker's precache, whose `cleanURLs` adds `.html`); others still get index.html.
 * - Drawn at 1440 px wide: a narrow screen shows the wide drawings, scrolling in their frames, until
 *   the app lays them out for its column (layout.ts).
 * Skipped, as the drawing is, without Chromium or with SECRETS_LAB_DRAW_AT_BUILD=0, and under a
 * relative base (`--base ./`, whose asset URLs would not resolve from lessons/).
 */
const ORIGIN = 'http://prerender.secrets-lab.invalid';

interface Lesson {
  slug: string;
  title: string;
}

export function prerenderPlugin(): Plugin {
  let enabled = false;
  let base = '/';
  let outDir = '';
  let logger: Logger | undefined;
  let lessons: (() => Promise<readonly Lesson[]>) | undefined;
  let drawn: (() => Promise<Drawn | undefined>) | undefined;
  return {
    name: 'secrets-lab-prerender-lessons',
    apply: 'build',
    configResolved(config) {
      base = config.base;
      enabled = process.env.SECRETS_LAB_DRAW_AT_BUILD !== '0' && base.startsWith('/');
      outDir = path.resolve(config.root, config.build.outDir);
      logger = config.logger;
      lessons = config.plugins.find((p) => p.name === 'secrets-lab-content')?.api?.lessons;
      drawn = config.plugins.find((p) => p.name === 'secrets-lab-draw-at-build')?.api?.drawn;
    },
    // Before the service worker's closeBundle lists the files to precache: the pages are among them.
    writeBundle: {
      sequential: true,
      async handler() {
        if (!enabled || !lessons || !existsSync(path.join(outDir, 'index.html'))) return;
        const started = performance.now();
        const all = await lessons();
        const drawings = (await drawn?.())?.lessons ?? new Map();
        const pages = await prerender(outDir, base, all, drawings).catch((e: unknown) => {
          logger?.warn(`\nLessons are not prerendered (${e instanceof Error ? e.message : e}): the app draws them.\n`);
          return 0;
        });
        if (pages) logger?.info(`${pages} lesson pages prerendered in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/** Writes lessons/<slug>.html for each lesson; returns how many (0 without Chromium). */
async function prerender(
  outDir: string,
  base: string,
  lessons: readonly Lesson[],
  drawings: Drawn['lessons'],
): Promise<number> {
  if (!lessons.length) return 0;
  const started = await buildChromium();
  if (!('browser' in started)) return 0;
  const { browser } = started;
  const index = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  // Each page carries its stylesheet: it paints once parsed, with no request in between (inlineCss.ts).
  const shell = inlineStylesheets(index, outDir, base);
  try {
    const open = async (colorScheme: 'light' | 'dark') => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        colorScheme,
        serviceWorkers: 'block',
      });
      await context.route(`${ORIGIN}/**`, (route) => {
        const { pathname } = new URL(route.request().url());
        const file = pathname.startsWith(base) ? path.join(outDir, path.normalize(pathname.slice(base.length))) : '';
        const found = file.startsWith(outDir) && existsSync(file) && statSync(file).isFile();
        // Every other address is a route of the app: index.html, as a host with a fallback answers.
        if (!found) return route.fulfill({ contentType: 'text/html', body: index });
        return route.fulfill({
          contentType: lookup(file) ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      });
      return context.newPage();
    };
    // The app is started once (light) and goes from lesson to lesson by its own router; each
    // figure's dark frame is its light one with the build's dark drawing of the same source.
    const page = await open('light');
    for (const [i, lesson] of lessons.entries()) {
      await show(page, base, lesson, i === 0);
      const { app, title } = await page.evaluate(snapshot, darkById(drawings.get(lesson.slug)));
      const html = shell
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
        .replace('<div id="root"></div>', `<div id="root" data-prerendered="${lesson.slug}">${app}</div>`);
      if (!html.includes('data-prerendered=')) throw new Error('index.html has no empty <div id="root">');
      mkdirSync(path.join(outDir, 'lessons'), { recursive: true });
      writeFileSync(path.join(outDir, 'lessons', `${lesson.slug}.html`), html);
    }
    return lessons.length;
  } finally {
    await browser.close();
  }
}

/** Opens the lesson (the first by its URL, the others by the app's router) and waits until it is all shown. */
async function show(page: Page, base: string, lesson: Lesson, first: boolean): Promise<void> {
  const url = `${base}lessons/${lesson.slug}`;
  if (first) await page.goto(`${ORIGIN}${url}`);
  // (wouter follows history.pushState, as its own links do.)
  else await page.evaluate((to) => history.pushState(null, '', to), url);
  await page.waitForFunction((title) => {
    const heading = document.getElementById('lesson-title');
    const body = document.querySelector<HTMLElement>('.prose');
    if (heading?.textContent !== title || body?.dataset.diagrams !== 'done') return false;
    const figures = [...body.querySelectorAll('figure.mermaid-diagram')];
    return figures.every((f) => f.querySelector(':scope > .diagram-frame svg') || f.classList.contains('has-error'));
  }, lesson.title);
  // Two frames: whatever the last render set off has settled.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** A lesson's dark drawings by the id of its light drawing of the same source (mermaid's id on the SVG). */
function darkById(lesson: Record<'light' | 'dark', Record<string, string>> | undefined): Record<string, string> {
  const byId: Record<string, string> = {};
  for (const [source, svg] of Object.entries(lesson?.light ?? {})) {
    const id = svg.match(/^<svg[^>]*?\sid="([^"]+)"/)?.[1];
    const dark = lesson?.dark[source];
    if (id && dark) byId[id] = dark;
  }
  return byId;
}

/**
 * A copy of the app's markup as it stands, each figure's dark frame beside its light one (sized as
 * the light one is: figure.ts's showDrawings). The copy is `inert`: not in the accessibility tree
 * (no duplicate for screen readers: React's first render replaces it) and not clickable, since
 * nothing would answer a click before the app starts (so a click, or a test, waits for the live
 * page). The lesson's end ("Check yourself", below the fold, loaded on demand), the body's
 * `data-diagrams` state and whatever is the learner's own are the live page's alone.
 */
const snapshot = (darkOf: Record<string, string>) => {
  const copy = (document.getElementById('root') as HTMLElement).cloneNode(true) as HTMLElement;
  for (const frame of copy.querySelectorAll<HTMLElement>('.prose figure.mermaid-diagram > .diagram-frame')) {
    const light = frame.querySelector('svg');
    const dark = light && darkOf[light.id];
    if (!dark) continue;
    const twin = frame.cloneNode(false) as HTMLElement;
    twin.innerHTML = dark;
    const svg = twin.querySelector('svg');
    if (!svg) continue;
    for (const name of ['width', 'height', 'style']) svg.removeAttribute(name);
    svg.setAttribute('style', light.getAttribute('style') ?? '');
    frame.dataset.prerenderedTheme = 'light';
    twin.dataset.prerenderedTheme = 'dark';
    frame.after(twin);
  }
  // The learner's own (progress, read ticks, "Mark as read", the theme toggle's state: marked
  // `data-learner`) is not known when the page is built: each keeps its place as an empty skeleton
  // of its size, its text and state left out, so nothing untrue shows and nothing moves when the app
  // fills it in. (Clones list in the same order as the elements they were cloned from.)
  const live = [...(document.getElementById('root') as HTMLElement).querySelectorAll<HTMLElement>('[data-learner]')];
  for (const [i, el] of [...copy.querySelectorAll<HTMLElement>('[data-learner]')].entries()) {
    const box = live[i]?.getBoundingClientRect();
    const inline = live[i] && getComputedStyle(live[i]).display === 'inline';
    for (const name of el.getAttributeNames()) if (name !== 'class') el.removeAttribute(name);
    el.replaceChildren();
    el.dataset.skeleton = '';
    el.setAttribute('aria-hidden', 'true');
    if (box) {
      const size = `width: ${box.width}px; height: ${box.height}px`;
      el.setAttribute('style', inline ? `display: inline-block; ${size}` : size);
    }
  }
  copy.querySelector('.lesson-end')?.remove();
  copy.querySelector('.prose')?.removeAttribute('data-diagrams');
  copy.firstElementChild?.setAttribute('inert', '');
  return { app: copy.innerHTML, title: document.title };
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
