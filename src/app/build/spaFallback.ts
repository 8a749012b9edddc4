import type { Plugin } from 'vite';

/**
 * `404.html`, a copy of the built `index.html`: a static host without rewrites (GitHub Pages, an
 * intranet's plain web server) answers a deep link (`/secrets-lab/lessons/rotation`) or a reload
 * with its 404 page, and this one starts the app, whose router draws the route. Hosts with an SPA
 * fallback serve index.html itself. The service worker does not precache it (pwaPlugin.ts).
 */
export function spaFallbackPlugin(): Plugin {
  return {
    name: 'secrets-lab-spa-fallback',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') return;
      this.emitFile({ type: 'asset', fileName: '404.html', source: index.source });
    },
  };
}
