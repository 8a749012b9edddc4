import type { Plugin } from 'vite';
import { ROOT_STORAGE_KEY, storageKeyFor } from '../../store/storageKey.ts';

/** The script's name, at the app's base. */
export const THEME_BOOT = 'theme-boot.js';

/**
 * `theme-boot.js`: the learner's chosen theme on `<html data-theme>` before the body paints. A
 * prerendered lesson (src/lesson/build/prerenderPlugin.ts) is on screen before the app has run, in
 * the system's theme (src/app/build/systemDarkCss.ts); a learner who chose the other one saw it
 * switch when the app started. The CSP forbids inline script, so this is a tiny classic script
 * file in `<head>`: it reads the store's saved entry (the same key as the store: storageKey.ts,
 * and the root key an older release kept, which the store adopts) and sets the attribute for
 * "light" or "dark"; "system", nothing saved or anything unreadable leaves the page to the system.
 * The limit: it is `async`, so it never holds the first paint, and it is not guaranteed to run
 * before it. Render-blocking, it cost a cold visit's first paint ~400 ms (median of 24 alternated
 * cold loads, load ~20, once the page's stylesheet was inline and no longer hid the request), for
 * first visitors, who have no stored choice. Async it costs nothing measurable (972 vs 960 ms), and
 * a returning learner, the only one with a choice stored, gets it from the service worker's
 * precache, which answers at once: it runs before the copy's first paint as a rule, and at worst
 * just after it, long before the app starts.
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

export function themeBootPlugin(): Plugin {
  let base = '/';
  return {
    name: 'secrets-lab-theme-boot',
    configResolved(config) {
      base = config.base;
    },
    // `npm run dev` answers it from here.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${base}${THEME_BOOT}`) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(themeBootScript(base));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: THEME_BOOT, source: themeBootScript(base) });
    },
    transformIndexHtml: () => [
      { tag: 'script', attrs: { src: `${base}${THEME_BOOT}`, async: true }, injectTo: 'head' },
    ],
  };
}
