import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { launchChromium } from '../browser/chromiumPath.mjs';
import { jsKb, type Manifest, staticClosure, totalSize, workerChunks } from './buildSize';
import { BLANK_PAGE, FLOOR_PATH, writeFloorPages } from './floor';
import { type ThreadTime, traceThreadTime } from './threadTime';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = path.join(root, 'node_modules/.cache/bench-dist');

/**
 * The sandbox's two workers (gzip KB). The learner worker starts from one file (`learnerAtStart`);
 * the STS client comes beside it (`learnerStsOnDemand`), evaluated only by code that imports it.
 * The grader: what it loads before it answers (`graderAtStart`) and everything it can ever load
 * (`graderEverything`: the SDK packages for the checks, every exercise's checks and fixtures).
 */
function workerKb(distDir: string): {
  learnerAtStart: number;
  learnerStsOnDemand: number;
  graderAtStart: number;
  graderEverything: number;
} {
  const assets = path.join(distDir, 'assets');
  const find = (prefix: string) => {
    const file = readdirSync(assets).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!file) throw new Error(`no ${prefix} in the build`);
    return file;
  };
  const { atStart, all } = workerChunks(assets, find('grader.worker'));
  const kb = (files: Iterable<string>) =>
    Math.round(
      [...files].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f))).length / 1024, 0) * 10,
    ) / 10;
  return {
    learnerAtStart: kb([find('learner-runtime')]),
    learnerStsOnDemand: kb([find('learner-sts')]),
    graderAtStart: kb(atStart),
    graderEverything: kb(all),
  };
}

/**
 * Exercise 1 in Chromium, timed in the page: from the click on Run to the result on screen
 * (`lab:run`, measured by the lab page), with the runner's own parts of it (`sandbox:*`).
 */
async function benchLabRuns(browser: import('playwright-core').Browser, base: string): Promise<Record<string, number>> {
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(`${base}/lab/read-db-credentials`);
    const runButton = page.getByRole('button', { name: '▶ Run' });
    await runButton.waitFor();
    // No nested named functions in what runs in the page: tsx would wrap them in a helper it lacks.
    const last = (name: string) =>
      page.evaluate<number>(`Math.round(performance.getEntriesByName('${name}').at(-1)?.duration ?? NaN)`);
    const runOnce = async () => {
      const before = await page.evaluate<number>(`performance.getEntriesByName('lab:run').length`);
      await runButton.click();
      await page.waitForFunction((n) => performance.getEntriesByName('lab:run').length > n, before);
      return { total: await last('lab:run'), wait: await last('sandbox:wait'), worker: await last('sandbox:run') };
    };
    return { context, page, runOnce, opened };
  };

  // A learner who clicks Run the moment it shows, before the editor (Monaco) has even loaded.
  const hasty = await open();
  const immediate = await hasty.runOnce();
  const openToFirstResultMs = Date.now() - hasty.opened;
  await hasty.context.close();

  // A learner who clicks Run once the editor shows the code; then runs again after a pause (a
  // learner edits between runs), then back to back.
  const { context, page, runOnce } = await open();
  await page.locator('.monaco-editor .view-lines').waitFor();
  const first = await runOnce();
  const later: { total: number; worker: number }[] = [];
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(3000);
    later.push(await runOnce());
  }
  const backToBack: number[] = [];
  for (let i = 0; i < 5; i++) backToBack.push((await runOnce()).total);
  await context.close();
  return {
    firstRunMs: first.total,
    firstRunWaitingForWorkerMs: first.wait,
    firstRunInWorkerMs: first.worker,
    firstRunBeforeEditorLoadedMs: immediate.total,
    firstRunBeforeEditorLoadedWaitingForWorkerMs: immediate.wait,
    firstRunBeforeEditorLoadedInWorkerMs: immediate.worker,
    openToFirstResultMs,
    laterRunMedianMs: median(later.map((r) => r.total)),
    laterRunInWorkerMedianMs: median(later.map((r) => r.worker)),
    backToBackRunMedianMs: median(backToBack),
  };
}

/** Builds the app for the bench (production, with a manifest) and serves it. */
async function buildAndServe() {
  // BENCH_REUSE_BUILD=1 keeps the last build (timing the same build again, on a quieter machine).
  if (!(process.env.BENCH_REUSE_BUILD && existsSync(path.join(dist, 'index.html'))))
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir: dist, emptyOutDir: true, manifest: true },
    });
  writeFloorPages(dist);
  const server = await preview({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dist },
    preview: { port: 0 },
  });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  return { server, base };
}

/** What the lesson page measured of its own diagrams (see src/lesson/diagrams/mermaid.ts). */
interface DiagramFigures {
  /**
   * From the navigation to the start of the first frame with every diagram of the lesson in the page
   * (the frame's `requestAnimationFrame` time, WATCH_DIAGRAMS): the page's work for it begins there.
   */
  frameStart: number;
  /**
   * From the navigation to that frame on screen: its paint entry's `presentationTime` when it was the
   * page's first contentful frame, else NaN (a page painted bit by bit as it is parsed, which an
   * inlined stylesheet allows, may show its first text a frame before its diagrams).
   * Between the two: the frame's style, layout, paint, then raster and the compositor's draw, which
   * on a loaded machine share the cores with the app's start-up.
   */
  onScreen: number;
  /** The same frame's main-thread work done (`paintTime`): what follows is raster and display. */
  painted: number;
  /** From the navigation to the app's own `lesson:diagrams` mark (its diagrams placed, live). */
  shownByApp: number;
  /** The diagrams were on screen before the app placed them: in the prerendered HTML. */
  prerendered: boolean;
  /** From the navigation to the response's last byte: the network (or the service worker). */
  responseEnd: number;
  /** From the navigation to the HTML document parsed (`domContentLoadedEventEnd`, after the entry module ran). */
  documentReady: number;
  /** When mermaid had loaded (downloaded and evaluated), from the navigation; absent if never needed. */
  mermaidLoaded?: number;
  /** Time in mermaid.render, and in measuring the drawn SVGs, over all the page's diagrams. */
  rendering: number;
  measuring: number;
  /** Diagrams drawn by mermaid on this page (a flowchart may be drawn twice: turned). */
  drawn: number;
  /** The page was controlled by the service worker (its files from the worker's cache). */
  serviceWorker: boolean;
}

/**
 * Run in each page before its own scripts (an init script): marks `bench:diagrams-shown` in the
 * first frame where every diagram of the lesson (`expected`: how many, by lesson address; a page
 * still being parsed may hold only the first ones) shows a drawing, whoever put it there: the app,
 * or the prerendered HTML before any script ran (src/lesson/build/prerenderPlugin.ts). The mark's
 * detail holds the frame's start (the callback's timestamp; the mark itself is taken later, after
 * the style and layout this check forces).
 */
const watchDiagrams = (expected: Record<string, number>) => `(() => {
  const expected = ${JSON.stringify(expected)};
  const want = expected[location.pathname.split('/').pop()] ?? 1;
  const watch = (frameStart) => {
    const figures = [...document.querySelectorAll('.prose figure.mermaid-diagram')];
    // Shown: a drawing in a frame that is laid out, and not in a block skipped by content-visibility
    // (which is neither laid out nor painted, though it still has client rects).
    const shown = (f) => [...f.querySelectorAll(':scope > .diagram-frame')].some((d) => d.querySelector('svg') && d.getClientRects().length > 0 && d.checkVisibility({ contentVisibilityAuto: true }));
    if (figures.length >= want && figures.every(shown))
      performance.mark('bench:diagrams-shown', { detail: { frameStart, prerendered: Boolean(document.querySelector('#root > [inert]')) } });
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})()`;

// A string, not a function: tsx would wrap a named function in a helper the page lacks.
// Only what ended before the diagrams were shown: the next lesson's, drawn afterwards, is not counted.
// The first contentful paint is that frame's when its main-thread part ended after the frame began
// (else an earlier frame painted something, and when the diagrams' frame reached the screen is unknown).
const READ_FIGURES = `(() => {
  const mark = performance.getEntriesByName('bench:diagrams-shown')[0];
  const frameStart = mark?.detail?.frameStart ?? NaN;
  const shownByApp = performance.getEntriesByName('lesson:diagrams').at(-1)?.startTime ?? NaN;
  const before = (name) => performance.getEntriesByName(name).filter((e) => e.startTime + e.duration <= shownByApp);
  const sum = (name) => before(name).reduce((t, e) => t + e.duration, 0);
  const load = performance.getEntriesByName('mermaid:load')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const same = fcp && fcp.paintTime >= frameStart;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    frameStart,
    onScreen: same ? fcp.presentationTime : NaN,
    painted: same ? fcp.paintTime : NaN,
    shownByApp,
    prerendered: Boolean(mark?.detail?.prerendered),
    responseEnd: nav?.responseEnd ?? NaN,
    documentReady: nav?.domContentLoadedEventEnd ?? NaN,
    mermaidLoaded: load ? load.startTime + load.duration : undefined,
    rendering: sum('diagram:render'),
    measuring: sum('diagram:measure'),
    drawn: before('diagram:render').length,
    serviceWorker: Boolean(navigator.serviceWorker?.controller),
  };
})()`;

const median = (xs: number[]) => {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)] as number) : Number.NaN;
};

/**
 * Waits until the page has made the next lesson ready (its background work done), as a learner
 * reading it for a moment would. A build from before that mark never says so: BENCH_NEXT_WAIT=3000
 * then waits 3 s.
 */
async function nextReady(page: import('playwright-core').Page): Promise<void> {
  await page
    .waitForFunction(() => performance.getEntriesByName('lesson:next-ready').length > 0, undefined, {
      timeout: Number(process.env.BENCH_NEXT_WAIT ?? 60_000),
    })
    .catch((e: unknown) => {
      if (!process.env.BENCH_NEXT_WAIT) throw e;
    });
}

/**
 * "Next →" followed once the page says the next lesson is ready (made ready while this one is read):
 * from the click to the next lesson's diagrams on screen.
 */
async function followNext(page: import('playwright-core').Page): Promise<number> {
  // (Arrow functions only: the page's CSP allows no string evaluated as code.)
  const count = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);
  await nextReady(page);
  const shownBefore = await count('lesson:diagrams');
  const clicked = await page.evaluate(() => {
    const t = performance.now();
    document.querySelector<HTMLElement>('a[rel="next"]')?.click();
    return t;
  });
  await page.waitForFunction((n) => performance.getEntriesByName('lesson:diagrams').length > n, shownBefore);
  const shown = await page.evaluate(
    () => performance.getEntriesByName('lesson:diagrams').at(-1)?.startTime ?? Number.NaN,
  );
  return shown - clicked;
}

/**
 * Opens a lesson's URL and reads the page's figures once its diagrams are shown: once the app has
 * placed them too (`lesson:diagrams`; a prerendered page shows them before it starts), or, for a
 * page with no script of its own (floor.ts), once the watcher saw them (`bench:diagrams-shown`).
 */
async function openLesson(
  page: import('playwright-core').Page,
  url: string,
  shown: 'lesson:diagrams' | 'bench:diagrams-shown' = 'lesson:diagrams',
): Promise<DiagramFigures> {
  await page.goto(url);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, shown);
  // (The paint entry comes once the frame is on screen: long after, unless the page never painted.)
  await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
      timeout: 5000,
    })
    .catch(() => undefined);
  return page.evaluate<DiagramFigures>(READ_FIGURES);
}

/** A page with no script of its own (floor.ts), opened as a lesson is. */
const openStatic = (page: import('playwright-core').Page, url: string) => openLesson(page, url, 'bench:diagrams-shown');

/**
 * Each lesson with diagrams, from navigation to its diagrams on screen, as medians over the lessons
 * (and `BENCH_ROUNDS` rounds, 1 by default), with the page's own breakdown:
 * - cold: a first visit. The lesson's URL opened in a fresh browser context: an empty HTTP cache, no
 *   service worker, nothing in IndexedDB or localStorage;
 * - warm: a return visit. One context for all lessons, whose service worker has installed (the
 *   whole course in its cache) before any lesson is timed; each lesson opened, then its URL opened
 *   again twice, each once the page is quiet (a learner reading it);
 * - next: "Next →" followed in that context, once the page has made the next lesson ready;
 * - with BENCH_THREAD_TIME=1, the warm visit's threads' CPU time up to its diagrams on screen
 *   (threadTime.ts): comparable between runs on a busy machine, where the wall times are not;
 * - the floor (floor.ts), timed lesson by lesson between the app's warm visits, in a context of its
 *   own with no service worker: the lesson's static copy, opened then opened again twice as the
 *   warm visits are, and a blank page opened once: what no change to the app's code can beat.
 * The load average is printed with them: on a busy machine the wall times grow, the breakdown
 * shows where.
 */
export async function timeLessonDiagrams(browser: import('playwright-core').Browser, base: string) {
  const { lessons } = await import(path.join(root, 'src/compiler/loadLessons.ts')).then(async (m) =>
    m.loadLessons(m.contentDir(root), root),
  );
  const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
  const loadBefore = loadavg()[0];
  const course = lessons as { slug: string; diagrams: number }[];
  const withDiagrams = course.filter((l) => l.diagrams);
  const watch = watchDiagrams(Object.fromEntries(withDiagrams.map((l) => [l.slug, l.diagrams])));
  // BENCH_THREAD_TIME=1: each lesson is opened warm once more, traced, for its threads' CPU time
  // (threadTime.ts); that visit is left out of the wall times, which tracing slows.
  const traceThreads = process.env.BENCH_THREAD_TIME === '1';
  const threadTimes: (ThreadTime | undefined)[] = [];
  const perLesson: Record<
    string,
    { cold: DiagramFigures; warm: DiagramFigures[]; next?: number; diagrams: number; floor: DiagramFigures[] }[]
  > = {};
  const blank: DiagramFigures[] = [];
  for (let round = 0; round < rounds; round++) {
    const cold = new Map<string, DiagramFigures>();
    for (const lesson of withDiagrams) {
      const context = await browser.newContext();
      await context.addInitScript(watch);
      cold.set(lesson.slug, await openLesson(await context.newPage(), `${base}/lessons/${lesson.slug}`));
      await context.close();
    }

    const floorContext = await browser.newContext({ serviceWorkers: 'block' });
    await floorContext.addInitScript(watch);
    const floorPage = await floorContext.newPage();
    const context = await browser.newContext();
    await context.addInitScript(watch);
    const page = await context.newPage();
    // The service worker registers once the first page has settled and installs the whole course.
    await page.goto(`${base}/`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
      timeout: 300_000,
    });
    for (const lesson of withDiagrams) {
      const i = course.indexOf(lesson);
      const url = `${base}/lessons/${lesson.slug}`;
      const hasNext = Boolean(course[i + 1]);
      // Each visit once the page is quiet (it draws the next lesson after its own: a reload at once
      // would wait for that drawing, which a learner reading the lesson never meets).
      await openLesson(page, url);
      const warm: DiagramFigures[] = [];
      for (let n = 0; n < 2; n++) {
        if (hasNext) await nextReady(page);
        warm.push(await openLesson(page, url));
      }
      // The floor, once the app's page is quiet (a pause stands for the reading time: a static page
      // does nothing then). Only for a prerendered lesson (none in a build made without Chromium).
      const floor: DiagramFigures[] = [];
      if (existsSync(path.join(dist, FLOOR_PATH, `${lesson.slug}.html`))) {
        if (hasNext) await nextReady(page);
        const copy = `${base}/${FLOOR_PATH}/${lesson.slug}`;
        await openStatic(floorPage, copy);
        for (let n = 0; n < 2; n++) {
          await floorPage.waitForTimeout(300);
          floor.push(await openStatic(floorPage, copy));
        }
        await floorPage.waitForTimeout(300);
        blank.push(await openStatic(floorPage, `${base}/${FLOOR_PATH}/${BLANK_PAGE}`));
      }
      if (traceThreads) {
        if (hasNext) await nextReady(page);
        threadTimes.push(await traceThreadTime(browser, page, async () => (await openLesson(page, url)).onScreen));
      }
      const next = course[i + 1]?.diagrams ? await followNext(page) : undefined;
      const done = cold.get(lesson.slug) as DiagramFigures;
      perLesson[lesson.slug] = [
        ...(perLesson[lesson.slug] ?? []),
        { cold: done, warm, next, diagrams: lesson.diagrams, floor },
      ];
    }
    await context.close();
    await floorContext.close();
  }
  const all = Object.values(perLesson).flat();
  const of = (pick: (r: (typeof all)[number]) => number | undefined) => median(all.map((r) => pick(r) ?? Number.NaN));
  const ofWarm = (pick: (f: DiagramFigures) => number | undefined) =>
    median(all.flatMap((r) => r.warm.map((f) => pick(f) ?? Number.NaN)));
  const seen = (values: number[]) => `${values.filter(Number.isFinite).length} of ${values.length}`;
  return {
    summary: {
      navigations: all.length,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      coldMedianMs: of((r) => r.cold.frameStart),
      coldMaxMs: Math.round(Math.max(...all.map((r) => r.cold.frameStart))),
      coldBreakdownMedianMs: {
        responseEnd: of((r) => r.cold.responseEnd),
        frameStart: of((r) => r.cold.frameStart),
        painted: of((r) => r.cold.painted),
        onScreen: of((r) => r.cold.onScreen),
        onScreenKnown: seen(all.map((r) => r.cold.onScreen)),
        documentReady: of((r) => r.cold.documentReady),
        shownByApp: of((r) => r.cold.shownByApp),
        mermaidLoaded: of((r) => r.cold.mermaidLoaded),
        rendering: of((r) => r.cold.rendering),
        measuring: of((r) => r.cold.measuring),
        drawnByMermaid: of((r) => r.cold.drawn),
      },
      warmMedianMs: ofWarm((f) => f.frameStart),
      warmMaxMs: Math.round(Math.max(...all.flatMap((r) => r.warm.map((f) => f.frameStart)))),
      warmBreakdownMedianMs: {
        responseEnd: ofWarm((f) => f.responseEnd),
        frameStart: ofWarm((f) => f.frameStart),
        painted: ofWarm((f) => f.painted),
        onScreen: ofWarm((f) => f.onScreen),
        onScreenKnown: seen(all.flatMap((r) => r.warm.map((f) => f.onScreen))),
        documentReady: ofWarm((f) => f.documentReady),
        shownByApp: ofWarm((f) => f.shownByApp),
        mermaidLoaded: ofWarm((f) => f.mermaidLoaded),
        drawnByMermaid: ofWarm((f) => f.drawn),
      },
      warmFloorMedianMs: {
        staticCopy: {
          responseEnd: median(all.flatMap((r) => r.floor.map((f) => f.responseEnd))),
          frameStart: median(all.flatMap((r) => r.floor.map((f) => f.frameStart))),
          painted: median(all.flatMap((r) => r.floor.map((f) => f.painted))),
          onScreen: median(all.flatMap((r) => r.floor.map((f) => f.onScreen))),
          onScreenKnown: seen(all.flatMap((r) => r.floor.map((f) => f.onScreen))),
        },
        blankPage: {
          responseEnd: median(blank.map((f) => f.responseEnd)),
          frameStart: median(blank.map((f) => f.frameStart)),
          painted: median(blank.map((f) => f.painted)),
          onScreen: median(blank.map((f) => f.onScreen)),
          onScreenKnown: seen(blank.map((f) => f.onScreen)),
        },
      },
      ...(traceThreads && {
        warmThreadTimeMedianMs: {
          ...Object.fromEntries(
            (['main', 'rendererWorkers', 'compositor', 'display', 'serviceWorker'] as const).map((part) => [
              part,
              median(threadTimes.map((t) => t?.[part] ?? Number.NaN)),
            ]),
          ),
          // A visit whose first contentful frame came before its diagrams' frame has no end to measure to.
          measured: seen(threadTimes.map((t) => (t ? 0 : Number.NaN))),
        },
      }),
      prerendered: {
        cold: all.every((r) => r.cold.prerendered),
        warm: all.every((r) => r.warm.every((f) => f.prerendered)),
      },
      warmFromServiceWorker: all.every((r) => r.warm.every((f) => f.serviceWorker)),
      nextMedianMs: of((r) => r.next),
      nextMaxMs: Math.round(Math.max(...all.map((r) => r.next ?? 0))),
    },
    perLesson: Object.fromEntries(
      Object.entries(perLesson).map(([slug, runs]) => [
        slug,
        {
          diagrams: runs[0]?.diagrams,
          coldMs: median(runs.map((r) => r.cold.frameStart)),
          coldOnScreenMs: median(runs.map((r) => r.cold.onScreen)),
          drawnByMermaid: runs[0]?.cold.drawn,
          warmMs: median(runs.flatMap((r) => r.warm.map((f) => f.frameStart))),
          warmOnScreenMs: median(runs.flatMap((r) => r.warm.map((f) => f.onScreen))),
          warmStaticCopyOnScreenMs: median(runs.flatMap((r) => r.floor.map((f) => f.onScreen))),
          nextMs: median(runs.map((r) => r.next ?? Number.NaN)),
        },
      ]),
    ),
  };
}

/** `npm run bench -- diagrams`: only the lessons' diagram timings (a quicker loop while working on them). */
export async function benchDiagrams() {
  const { server, base } = await buildAndServe();
  const browser = await launchChromium();
  try {
    return await timeLessonDiagrams(browser, base);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `npm run bench -- lab`: only the lab's figures (worker sizes, first and later runs). */
export async function benchLab() {
  const { server, base } = await buildAndServe();
  const browser = await launchChromium();
  try {
    return { sandboxWorkerKbGzip: workerKb(dist), ...(await benchLabRuns(browser, base)) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Builds the app, reports initial JavaScript per route (gzip; the entry's static imports plus the
 * route's own lazy chunk, without what loads after first paint such as mermaid) and the whole
 * build's size, then times each lesson in Chromium from navigation to its diagrams drawn.
 */
export async function benchApp() {
  const { server, base } = await buildAndServe();
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry in the build manifest');
  const shell = staticClosure(manifest, entry);
  const routeChunk = (match: RegExp) => {
    const keys = Object.keys(manifest).filter((k) => match.test(k));
    // The largest chunk of the kind is the worst case for the route.
    const sizes = keys.map((k) =>
      jsKb(
        dist,
        manifest,
        [...staticClosure(manifest, k)].filter((d) => !shell.has(d)),
      ),
    );
    return Math.max(0, ...sizes);
  };
  const shellKb = jsKb(dist, manifest, shell);
  const initialJsKb: Record<string, number> = {
    '/': shellKb,
    '/lessons/:slug': Math.round((shellKb + routeChunk(/virtual:lesson\//)) * 10) / 10,
  };

  const browser = await launchChromium();
  let diagrams: Awaited<ReturnType<typeof timeLessonDiagrams>> | undefined;
  const labFigures: Record<string, unknown> = { sandboxWorkerKbGzip: workerKb(dist) };
  try {
    Object.assign(labFigures, await benchLabRuns(browser, base));
    diagrams = await timeLessonDiagrams(browser, base);
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    initialJsKbGzip: initialJsKb,
    build: totalSize(dist),
    lessonDiagramsDrawnMs: diagrams?.summary,
    lessonDiagramsDrawnMsPerLesson: diagrams?.perLesson,
    lab: labFigures,
  };
}
