/**
 * Thread time (CPU, not wall) a page's threads spent from a lesson's navigation to its diagrams'
 * frame on screen, read from a light Chromium trace of that one navigation. On a machine shared with
 * other work the wall times of `npm run bench -- diagrams` move by tens of milliseconds between two
 * runs of the same build; the threads' own time moves far less, so old and new builds compare by it
 * (issue 16: the top bar's backdrop-filter showed as ~11 ms of the display compositor's time per
 * frame, hidden in the wall times' noise).
 */
import type { Browser, Page } from 'playwright-core';

/** Milliseconds of thread time by part of the browser. */
export interface ThreadTime {
  /** The lesson's renderer main thread: parsing, style, layout, paint, script. */
  main: number;
  /** The renderer's other threads: raster, script compiled in the background, fonts decoded. */
  rendererWorkers: number;
  /** The renderer's compositor thread. */
  compositor: number;
  /** The GPU process, which composites and draws the frames (in software without a GPU). */
  display: number;
  /** The service worker's thread (the warm page comes from its cache). */
  serviceWorker: number;
}

// Light: enough for each task's thread time, little enough not to slow the page much.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'toplevel',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
}

/**
 * Traces `visit` (a navigation to a lesson that resolves once its diagrams are on screen, with how
 * long that took from the navigation: `until`, ms) and sums each thread's top-level tasks' thread
 * time between the navigation's start and then (a task cut by either end counts in proportion).
 */
export async function traceThreadTime(
  browser: Browser,
  page: Page,
  visit: () => Promise<number>,
): Promise<ThreadTime | undefined> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const until = await visit().catch(async (e: unknown) => {
    await browser.stopTracing();
    throw e;
  });
  const buffer = await browser.stopTracing();
  return Number.isFinite(until) ? threadTime(JSON.parse(buffer.toString('utf8')).traceEvents, until) : undefined;
}

function threadTime(events: TraceEvent[], until: number): ThreadTime | undefined {
  const nav = events
    .filter((e) => e.name === 'navigationStart' && /\/lessons\//.test(e.args?.data?.documentLoaderURL ?? ''))
    .at(-1);
  if (!nav) return undefined;
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}/${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events)
    if (e.ph === 'X' && e.dur !== undefined) {
      const key = `${e.pid}/${e.tid}`;
      const tasks = byThread.get(key);
      if (tasks) tasks.push(e);
      else byThread.set(key, [e]);
    }
  const [start, end] = [nav.ts, nav.ts + until * 1000];
  const sum: ThreadTime = { main: 0, rendererWorkers: 0, compositor: 0, display: 0, serviceWorker: 0 };
  for (const [key, tasks] of byThread) {
    const name = names.get(key) ?? '';
    const inRenderer = Number(key.split('/')[0]) === nav.pid;
    const part: keyof ThreadTime | undefined = inRenderer
      ? name === 'CrRendererMain'
        ? 'main'
        : name === 'Compositor'
          ? 'compositor'
          : /ServiceWorker/.test(name)
            ? 'serviceWorker'
            : 'rendererWorkers'
      : /^(VizCompositorThread|CrGpuMain)$/.test(name)
        ? 'display'
        : undefined;
    if (!part) continue;
    tasks.sort((a, b) => a.ts - b.ts);
    let busyUntil = Number.NEGATIVE_INFINITY;
    for (const task of tasks) {
      const dur = task.dur ?? 0;
      if (task.ts < busyUntil) continue; // nested in the task before: counted with it
      busyUntil = task.ts + dur;
      if (task.ts + dur <= start || task.ts >= end) continue;
      const share = dur ? (Math.min(end, task.ts + dur) - Math.max(start, task.ts)) / dur : 1;
      sum[part] += ((task.tdur ?? dur) * share) / 1000;
    }
  }
  return sum;
}
