import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { launchChromium } from '../browser/chromiumPath.mjs';
import { jsKb, type Manifest, staticClosure, totalSize, workerChunks } from './buildSize';

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
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

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
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true, manifest: true },
  });
  const server = await preview({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dist },
    preview: { port: 0 },
  });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  return { server, base };
}

/**
 * Each lesson with diagrams, from navigation to its diagrams on screen (the page's own
 * `lesson:diagrams` mark): cold (a fresh browser profile: nothing cached, no service worker) and
 * warm (the same URL again, its drawings kept in IndexedDB).
 */
async function timeLessonDiagrams(browser: import('playwright-core').Browser, base: string) {
  const { lessons } = await import(path.join(root, 'src/compiler/loadLessons.ts')).then(async (m) =>
    m.loadLessons(m.contentDir(root), root),
  );
  const perLesson: Record<string, { cold: number; warm: number; diagrams: number }> = {};
  for (const lesson of lessons as { slug: string; diagrams: number }[]) {
    if (!lesson.diagrams) continue;
    const context = await browser.newContext();
    const page = await context.newPage();
    const time = async () => {
      await page.goto(`${base}/lessons/${lesson.slug}`);
      await page.waitForSelector('.prose[data-diagrams="done"]');
      return Math.round(
        await page.evaluate(() => performance.getEntriesByName('lesson:diagrams').at(-1)?.startTime ?? Number.NaN),
      );
    };
    const cold = await time();
    const warm = await time();
    perLesson[lesson.slug] = { cold, warm, diagrams: lesson.diagrams };
    await context.close();
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const cold = sorted(Object.values(perLesson).map((l) => l.cold));
  const warm = sorted(Object.values(perLesson).map((l) => l.warm));
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? Number.NaN;
  return {
    summary: { coldMedian: median(cold), coldMax: cold.at(-1), warmMedian: median(warm), warmMax: warm.at(-1) },
    perLesson,
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
