import type { ElementType } from 'react';

/**
 * Markdown rendered at build time (src/compiler/quizPlugin.ts, raw HTML dropped), or the plain text
 * when there is none (a bank built by a test).
 */
export function Html({
  html,
  text,
  as: Tag = 'span',
  className,
}: {
  html?: string;
  text: string;
  as?: ElementType;
  className?: string;
}) {
  if (html === undefined) return <Tag className={className}>{text}</Tag>;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: build-time HTML from our own content, raw HTML stripped.
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
