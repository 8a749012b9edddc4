import { useAppStore } from '../store/store';
import { findLesson } from './course';
import { lessonDiagramsKept } from './diagramCache';
import { preloadMermaid } from './mermaid';

/**
 * Starts loading what a lesson URL will need: mermaid, when the lesson has diagrams that are not
 * already kept from an earlier visit (drawn from there, they need no mermaid at all).
 */
export function preloadLessonAssets(pathname: string): void {
  const slug = pathname.match(/^\/lessons\/([a-z0-9-]+)/)?.[1];
  if (!slug || !findLesson(slug)?.diagrams) return;
  const { theme } = useAppStore.getState();
  const dark =
    theme === 'dark' || (theme === 'system' && Boolean(window.matchMedia?.('(prefers-color-scheme: dark)').matches));
  void lessonDiagramsKept(slug, dark).then((kept) => {
    if (!kept) preloadMermaid();
  });
}
