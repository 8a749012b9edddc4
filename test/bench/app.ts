import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { findChromium, HOW_TO_INSTALL } from '../browser/chromiumPath.mjs';
import { jsKb, type Manifest, staticClosure, totalSize } from './buildSize';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = path.join(root, 'node_modules/.cache/bench-dist');

/**
 * Builds the app, reports initial JavaScript per route (gzip; the entry's static imports plus the
 * route's own lazy chunk, without what loads after first paint such as mermaid) and the whole
 * build's size, then times each lesson in Chromium from navigation to its diagrams drawn.
 */
export async function benchApp() {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true, manifest: true } });
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry in the build manifest');
  const shell = staticClosure(manifest, entry);
  const routeChunk = (match: RegExp) => {
    const keys = Object.keys(manifest).filter((k) => match.test(k));
    // The largest chunk of the kind is the worst case for the route.
    const sizes = keys.map((k) => jsKb(dist, manifest, [...staticClosure(manifest, k)].filter((d) => !shell.has(d))));
    return Math.max(0, ...sizes);
  };
  const shellKb = jsKb(dist, manifest, shell);
  const initialJsKb: Record<string, number> = {
    '/': shellKb,
    '/lessons/:slug': Math.round((shellKb + routeChunk(/virtual:lesson\//)) * 10) / 10,
  };

  const server = await preview({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: dist }, preview: { port: 0 } });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const { lessons } = await import(path.join(root, 'src/catalog/loadLessons.ts')).then(async (m) => m.loadLessons(m.contentDir(root), root));
  const diagramsDrawnMs: Record<string, { cold: number; warm: number; diagrams: number }> = {};
  try {
    for (const lesson of lessons as { slug: string; diagrams: number }[]) {
      if (!lesson.diagrams) continue;
      const context = await browser.newContext();
      const page = await context.newPage();
      const time = async () => {
        await page.goto(`${base}/lessons/${lesson.slug}`);
        await page.waitForSelector('.prose[data-diagrams="done"]');
        return Math.round(await page.evaluate(() => performance.now()));
      };
      const cold = await time();
      const warm = await time();
      diagramsDrawnMs[lesson.slug] = { cold, warm, diagrams: lesson.diagrams };
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { initialJsKbGzip: initialJsKb, build: totalSize(dist), lessonDiagramsDrawnMs: diagramsDrawnMs };
}
