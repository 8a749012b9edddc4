/**
 * The floor under a warm lesson visit (`npm run bench -- diagrams`, issue 16): what the same
 * browser on the same machine needs to show
 * - `staticCopy`: each prerendered lesson page as built (its inlined stylesheet, its text, its
 *   diagrams in both themes) with every script taken out: no app, no service worker (the preview
 *   server answers, from the HTTP cache). No change to the app can show its page faster than
 *   this, short of putting less in the first frame;
 * - `blankPage`: a page holding one tiny drawing and nothing else: the navigation and the first
 *   frame themselves (the browser's work, the bench's own watcher).
 * On a machine where even the static copy misses a target, the app's distance from the copy says
 * what its own code costs (session 28, a 2-core machine at load 2-3, warm onScreen medians: app
 * 228 ms, static copy 168 ms, blank page 68 ms, against a 100 ms target).
 * The copies are written into the served build, under `bench-floor/lessons/` (addresses without
 * `.html`, as the lessons' are, so the watcher finds a lesson's diagram count by its slug).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the copies are served from, under the site's root. */
export const FLOOR_PATH = 'bench-floor/lessons';
/** The blank page's name there: no lesson has it. */
export const BLANK_PAGE = 'bench-blank-page';

/**
 * A built page with no script left: inline and external scripts, module preloads and the web
 * manifest taken out; everything else (styles, markup, the CSP) as built.
 */
export function staticCopy(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|manifest)"[^>]*>/gi, '');
}

/** One figure with one tiny drawing: all the watcher looks for. */
export const BLANK_PAGE_HTML =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head><body>' +
  '<div class="prose"><figure class="mermaid-diagram"><div class="diagram-frame">' +
  '<svg width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" /></svg>' +
  '</div></figure></div></body></html>';

/**
 * Writes a static copy of every prerendered lesson in the build at `distDir`, and the blank page,
 * before the build is served (the preview server lists its files when it starts). Returns whether
 * there were lessons to copy (none when the build ran without Chromium).
 */
export function writeFloorPages(distDir: string): boolean {
  const lessons = path.join(distDir, 'lessons');
  const pages = existsSync(lessons) ? readdirSync(lessons).filter((f) => f.endsWith('.html')) : [];
  const dir = path.join(distDir, FLOOR_PATH);
  mkdirSync(dir, { recursive: true });
  for (const page of pages)
    writeFileSync(path.join(dir, page), staticCopy(readFileSync(path.join(lessons, page), 'utf8')));
  writeFileSync(path.join(dir, `${BLANK_PAGE}.html`), BLANK_PAGE_HTML);
  return pages.length > 0;
}
