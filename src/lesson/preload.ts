import { findLesson, loadLessonHtml } from '../course/lessons';
import { isDarkNow } from '../ui/theme';
import { drawnAtBuild, loadBuildDrawings } from './diagrams/buildDrawings';
import { lessonDiagramsKept, openKeptDrawings } from './diagrams/cache';
import { preloadMermaid } from './diagrams/mermaid';
import { prepareDiagrams, readKeptFor } from './diagrams/present';

/**
 * Starts loading what a lesson URL will need: its text with the drawings kept from an earlier
 * visit, and mermaid when the lesson has diagrams that are not all kept (drawn from there, they
 * need no mermaid at all).
 */
export function preloadLessonAssets(pathname: string): void {
  const slug = pathname.match(/^\/lessons\/([a-z0-9-]+)/)?.[1];
  if (!slug || !findLesson(slug)) return;
  // The lesson's own chunk too: it would otherwise wait for the first render to ask for it.
  loadLessonForReading(slug).catch(() => undefined);
  preloadLessonDiagrams(slug);
}

/**
 * For a lesson with diagrams: unless the build drew them (buildDrawings.ts), opens the store of
 * kept drawings (the lesson's text reads them as soon as it arrives) and starts loading mermaid,
 * unless all of them are kept in this theme.
 */
export function preloadLessonDiagrams(slug: string): void {
  if (!findLesson(slug)?.diagrams) return;
  void drawnAtBuild(slug).then((built) => {
    if (built) return;
    openKeptDrawings();
    if (!lessonDiagramsKept(slug, isDarkNow())) preloadMermaid();
  });
}

const reading = new Map<string, Promise<string>>();
/** The same, once loaded: a page can show it in its first render, with no "Loading" in between. */
const ready = new Map<string, string>();

/**
 * A lesson's HTML, resolved once the drawings of its diagrams (in the current theme) made by the
 * build or kept from an earlier visit are in memory, so the page shows them in its first paint.
 * Shared by the preload and the page.
 */
export function loadLessonForReading(slug: string): Promise<string> {
  const key = `${slug} ${isDarkNow()}`;
  let loading = reading.get(key);
  if (!loading) {
    const dark = isDarkNow();
    const drawings = loadBuildDrawings(slug, dark);
    loading = loadLessonHtml(slug).then(async (html) => {
      await drawings;
      // (Drawn by the build: all in memory already, no need to open the store or parse the HTML.)
      if (!(await drawnAtBuild(slug))) await readKeptFor(html, dark);
      ready.set(key, html);
      return html;
    });
    loading.catch(() => reading.delete(key));
    reading.set(key, loading);
  }
  return loading;
}

/** The lesson's HTML if `loadLessonForReading` has it already (in the current theme). */
export function lessonReadyNow(slug: string): string | undefined {
  return ready.get(`${slug} ${isDarkNow()}`);
}

/**
 * While the learner reads, makes the next lesson ready in idle moments, one step at a time: its
 * text, its kept drawings in memory, and the diagrams not kept drawn (and kept). Following "Next →"
 * then shows its diagrams in the first paint, with no mermaid on the way (mermaid itself loads in
 * an idle moment if this page did not need it). `column` is the width its figures will have (this
 * page's). The returned function stops it (the learner left); a drawing under way still finishes.
 */
export function prepareLessonWhenIdle(slug: string, column: () => number): () => void {
  let stopped = false;
  let cancel = () => {};
  const turn = () =>
    new Promise<boolean>((resolve) => {
      if (stopped) return resolve(false);
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(() => resolve(!stopped));
        cancel = () => {
          cancelIdleCallback(handle);
          resolve(false);
        };
      } else {
        const handle = setTimeout(() => resolve(!stopped), 500);
        cancel = () => {
          clearTimeout(handle);
          resolve(false);
        };
      }
    });
  void (async () => {
    if (!(await turn())) return;
    const dark = isDarkNow();
    const html = await loadLessonForReading(slug);
    if (findLesson(slug)?.diagrams) await prepareDiagrams(html, dark, column, turn);
    if (!stopped) performance.mark('lesson:next-ready');
  })().catch(() => undefined);
  return () => {
    stopped = true;
    cancel();
  };
}
