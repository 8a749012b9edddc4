import { findLesson, loadLessonHtml } from '../course/lessons';
import { isDarkNow } from '../ui/theme';
import { lessonDiagramsKept } from './diagramCache';
import { preloadMermaid } from './mermaid';

/**
 * Starts loading what a lesson URL will need: its text, and mermaid when the lesson has diagrams
 * that are not already kept from an earlier visit (drawn from there, they need no mermaid at all).
 */
export function preloadLessonAssets(pathname: string): void {
  const slug = pathname.match(/^\/lessons\/([a-z0-9-]+)/)?.[1];
  if (!slug || !findLesson(slug)) return;
  // The lesson's own chunk too: it would otherwise wait for the first render to ask for it.
  loadLessonHtml(slug).catch(() => undefined);
  preloadLessonDiagrams(slug);
}

/** Mermaid, unless the lesson has no diagrams or all of them are kept in this theme. */
export function preloadLessonDiagrams(slug: string): void {
  if (!findLesson(slug)?.diagrams) return;
  void lessonDiagramsKept(slug, isDarkNow()).then((kept) => {
    if (!kept) preloadMermaid();
  });
}
