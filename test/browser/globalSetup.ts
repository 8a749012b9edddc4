import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The app built from the real content/ is built and served under a project path, as a static host
 * such as GitHub Pages serves it (`npm run build -- --base /secrets-lab/`): every browser test of it
 * runs under that base (issue 18). Its URL has no trailing slash: pages are `${appUrl}/…`.
 */
export const APP_BASE = '/secrets-lab/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app built from the real content/, served under APP_BASE ("http://127.0.0.1:port/secrets-lab"). */
    appUrl: string;
    /** The app built from test/fixtures/content (a broken diagram, among others). */
    fixtureUrl: string;
  }
}

/** Builds the app from a content folder (`SECRETS_LAB_CONTENT`); authoring.test.ts builds an author's copy with it. */
export async function buildInto(outDir: string, content: string, base = '/') {
  const previous = process.env.SECRETS_LAB_CONTENT;
  const nodeEnv = process.env.NODE_ENV;
  process.env.SECRETS_LAB_CONTENT = content;
  // vitest sets NODE_ENV=test, which would bundle React's development build: test what ships.
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      base,
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
    if (previous === undefined) delete process.env.SECRETS_LAB_CONTENT;
    else process.env.SECRETS_LAB_CONTENT = previous;
  }
}

/**
 * Builds the app twice (real content under APP_BASE, fixture content at the root) and serves each
 * with `vite preview`, which answers a path under the base that is no file with index.html (the SPA
 * fallback a static host gives), and anything outside the base with 404.
 */
export default async function setup(project: TestProject) {
  const servers: PreviewServer[] = [];
  const serve = async (name: string, content: string, base = '/') => {
    const outDir = path.join(root, 'node_modules/.cache/browser-test', name);
    // BROWSER_TEST_REUSE_BUILD=1 keeps a build that is already there (for iterating on a test).
    if (!(process.env.BROWSER_TEST_REUSE_BUILD && existsSync(path.join(outDir, 'index.html'))))
      await buildInto(outDir, content, base);
    const server = await preview({
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'warn',
      base,
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    servers.push(server);
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error(`vite preview for ${name} did not report a URL`);
    return `${new URL(url).origin}${base}`.replace(/\/$/, '');
  };
  // BROWSER_TEST_CONTENT points the 'app' build at another content folder (an author's copy, say).
  project.provide('appUrl', await serve('app', process.env.BROWSER_TEST_CONTENT ?? 'content', APP_BASE));
  // The fixture course keeps a diagram that does not parse (the page's fallback is under test), which
  // the build would otherwise refuse.
  process.env.SECRETS_LAB_UNCHECKED_DIAGRAMS = '1';
  try {
    project.provide('fixtureUrl', await serve('fixture', 'test/fixtures/content'));
  } finally {
    delete process.env.SECRETS_LAB_UNCHECKED_DIAGRAMS;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
