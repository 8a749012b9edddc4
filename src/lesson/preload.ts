import { findLesson, loadLessonHtml } from '../course/lessons';
import { isDarkNow } from '../ui/theme';
import { lessonDiagramsKept } from './diagrams/cache';
import { preloadMermaid } from './diagrams/mermaid';
import { readKeptFor } from './diagrams/present';

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

/** Mermaid, unless the lesson has no diagrams or all of them are kept in this theme. */
export function preloadLessonDiagrams(slug: string): void {
  if (!findLesson(slug)?.diagrams) return;
  void lessonDiagramsKept(slug, isDarkNow()).then((kept) => {
    if (!kept) preloadMermaid();
  });
}

const reading = new Map<string, Promise<string>>();

/**
 * A lesson's HTML, resolved once the drawings kept for its diagrams (in the current theme) are in
 * memory, so the page shows them in its first paint. Shared by the preload and the page.
 */
export function loadLessonForReading(slug: string): Promise<string> {
  const dark = isDarkNow();
  const key = `${slug} ${dark}`;
  let loading = reading.get(key);
  if (!loading) {
    loading = loadLessonHtml(slug).then(async (html) => {
      await readKeptFor(html, dark);
      return html;
    });
    loading.catch(() => reading.delete(key));
    reading.set(key, loading);
  }
  return loading;
}
