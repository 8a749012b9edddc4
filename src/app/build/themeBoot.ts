import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { ROOT_STORAGE_KEY, storageKeyFor } from '../../store/storageKey.ts';

/**
 * The learner's chosen theme on `<html data-theme>` before anything of the page is painted. A
 * prerendered lesson (src/lesson/build/prerenderPlugin.ts) is on screen before the app has run, in
 * the system's theme (src/app/build/systemDarkCss.ts); a learner who chose the other one saw it
 * switch when the app started. So every page carries this small script inline, at the start of
 * `<head>` (after the CSP): a classic inline script runs as the parser meets it, before the body
 * exists, so no frame can be painted in the other theme, and it costs no request. The Content
 * Security Policy still refuses inline script: it allows this one text by its hash
 * (themeBootHash, added to script-src by csp.ts), exactly as it allows the sandbox frame's
 * bootstrap. It reads the store's saved entry (the same key as the store: storageKey.ts, and the
 * root key an older release kept, which the store adopts) and sets the attribute for "light" or
 * "dark"; "system", nothing saved or anything unreadable leaves the page to the system.
 *
 * (It was an async file, theme-boot.js, until a trace showed it running after the first paint of
 * every warm visit; render-blocking, that file had cost a cold first paint ~400 ms.)
 */
export function themeBootScript(base: string): string {
  const key = storageKeyFor(base);
  const keys = key === ROOT_STORAGE_KEY ? [key] : [key, ROOT_STORAGE_KEY];
  return `// The learner's theme before the first paint: src/app/build/themeBoot.ts.
(function () {
  try {
    var keys = ${JSON.stringify(keys)};
    var saved = null;
    for (var i = 0; i < keys.length && saved === null; i++) saved = localStorage.getItem(keys[i]);
    var theme = saved && JSON.parse(saved).state.theme;
    if (theme === 'light' || theme === 'dark') {
      document.documentElement.setAttribute('data-theme', theme);
      document.documentElement.style.colorScheme = theme;
    }
  } catch (e) {}
})();
`;
}

/** The script's hash as CSP's script-src writes it: the script is the same text for one base. */
export function themeBootHash(base: string): string {
  return `'sha256-${createHash('sha256').update(themeBootScript(base)).digest('base64')}'`;
}

export function themeBootPlugin(): Plugin {
  let base = '/';
  return {
    name: 'secrets-lab-theme-boot',
    configResolved(config) {
      base = config.base;
    },
    // Right after the CSP meta (csp.ts, also head-prepend, runs first): before the stylesheet, so
    // it waits for no download.
    transformIndexHtml: () => [{ tag: 'script', children: themeBootScript(base), injectTo: 'head-prepend' }],
  };
}
