import { findLesson } from './course';
import { preloadMermaid } from './mermaid';

/** Starts loading what a lesson URL will need (mermaid when the lesson has diagrams). */
export function preloadLessonAssets(pathname: string): void {
  const slug = pathname.match(/^\/lessons\/([a-z0-9-]+)/)?.[1];
  if (slug && findLesson(slug)?.diagrams) preloadMermaid();
}
