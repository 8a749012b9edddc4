import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { OFFLINE_FILES } from './offlineFiles.ts';

/** Monaco's TypeScript worker is ~6.6 MiB and the SDK types ~4 MiB: far above Workbox's 2 MiB default. */
const LARGEST_FILE = 24 * 1024 * 1024;

/**
 * The app's one service worker: a Workbox precache of every file the build emits, so after the
 * first visit every route, lazy chunk (lessons, mermaid renderers, quiz, lab), Monaco and its
 * workers, the sandbox worker and the SDK type definitions load with the network off.
 * Invariants:
 * - `registerType: 'prompt'`: a new version waits until the learner clicks "Reload to update"
 *   (src/app/pwa/UpdatePrompt.tsx), so an update never reloads a page with unsaved work.
 * - Every navigation is answered with index.html (the router draws the route), so deep links work
 *   offline.
 * - No runtime caching: nothing is fetched from other origins, and everything local is precached.
 */
export function pwaPlugin(): Plugin[] {
  let outDir = '';
  const where: Plugin = {
    name: 'secrets-lab-offline-files',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
  };
  const pwa = VitePWA({
    registerType: 'prompt',
    // The app registers from React (virtual:pwa-register/react); no script is injected.
    injectRegister: false,
    // The glob below already precaches the icons, and the plugin adds the manifest itself.
    includeManifestIcons: false,
    manifest: {
      name: 'Secrets Lab',
      short_name: 'Secrets Lab',
      description:
        'Learn AWS Secrets Manager, Parameter Store, KMS and IAM for the DVA-C02 exam, hands on and offline.',
      // start_url and scope default to Vite's base: the app works offline under any base path.
      display: 'standalone',
      lang: 'en',
      theme_color: '#4f46e5',
      background_color: '#f7f8fb',
      icons: [
        // Relative to the manifest, which sits at the base path.
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // ttf: Monaco's codicon font (the only font the build emits today).
      globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,json,wasm,woff2,ttf}'],
      // 404.html is index.html again, for static hosts without rewrites (src/app/build/spaFallback.ts).
      globIgnores: ['404.html'],
      maximumFileSizeToCacheInBytes: LARGEST_FILE,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // First visit: the new worker takes the open page at once, so lazy chunks loaded later in this
      // visit already come from the cache. Updates still wait for the learner (no skipWaiting).
      clientsClaim: true,
      // Beside the build, the size of every file the precache holds, by URL relative to the app's
      // base: the first visit reads it to say "Saving for offline: 12 of 25 MB" (saveProgress.ts).
      // Written from Workbox's own list, so it names exactly what is precached.
      manifestTransforms: [
        (entries) => {
          if (!outDir) return { manifest: entries };
          const files: Record<string, number> = Object.fromEntries(entries.map((e) => [e.url, e.size]));
          // The plugin adds its web manifest to the precache after this list is made.
          const webManifest = path.join(outDir, 'manifest.webmanifest');
          if (existsSync(webManifest)) files['manifest.webmanifest'] = statSync(webManifest).size;
          writeFileSync(path.join(outDir, OFFLINE_FILES), JSON.stringify({ files }));
          return { manifest: entries };
        },
      ],
    },
  });
  return [where, ...pwa];
}
