import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The built page with its own stylesheets (`<link rel="stylesheet" href="<base>assets/…">`) copied
 * into `<style>` elements: a page that shows its content before any script (a prerendered lesson,
 * src/lesson/build/prerenderPlugin.ts) then paints as soon as its HTML is parsed, with no request
 * for the stylesheet in between (a round trip on a first visit, a service worker fetch on a return).
 * The CSP allows inline style ('unsafe-inline' in style-src); inline script stays forbidden.
 * - `url(…)`s relative to the stylesheet are made absolute (the page is not where the file was).
 * - A stylesheet that cannot be inlined (missing, or holding `</style`) keeps its link.
 * The app's other chunks' stylesheets still load with their chunks; none is loaded twice, since the
 * entry's stylesheet is named only in the HTML.
 */
export function inlineStylesheets(html: string, outDir: string, base: string): string {
  return html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (link) => {
    const href = link.match(/\bhref="([^"]+)"/)?.[1];
    if (!href?.startsWith(base) || /^\/\//.test(href)) return link;
    const file = path.join(outDir, path.normalize(decodeURI(href.slice(base.length))));
    if (!file.startsWith(outDir + path.sep) || !existsSync(file)) return link;
    const css = readFileSync(file, 'utf8');
    if (/<\/style/i.test(css)) return link;
    return `<style>${absoluteUrls(css, href)}</style>`;
  });
}

/** `url(x)` in a stylesheet at `href` (a path from the site's root), with x relative made absolute. */
function absoluteUrls(css: string, href: string): string {
  const at = new URL(href, 'http://site.invalid');
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, quote: string, url: string) => {
    if (/^(data:|[a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return whole;
    return `url(${quote}${new URL(url, at).pathname}${quote})`;
  });
}
