/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspPlugin } from './src/app/build/csp.ts';
import { spaFallbackPlugin } from './src/app/build/spaFallback.ts';
import { systemDarkCss } from './src/app/build/systemDarkCss.ts';
import { themeBootPlugin } from './src/app/build/themeBoot.ts';
import { pwaPlugin } from './src/app/pwa/pwaPlugin.ts';
import { contentPlugin } from './src/compiler/contentPlugin.ts';
import { courseFolderPlugin } from './src/compiler/courseFolderPlugin.ts';
import { quizPlugin } from './src/compiler/quizPlugin.ts';
import { sdkTypesPlugin } from './src/lab/build/sdkTypesPlugin.ts';
import { drawAtBuildPlugin } from './src/lesson/build/drawAtBuildPlugin.ts';
import { mermaidChunkPlugin } from './src/lesson/build/mermaidChunkPlugin.ts';
import { prerenderPlugin } from './src/lesson/build/prerenderPlugin.ts';
import { learnerRuntimePlugin } from './src/sandbox/build/learnerRuntimePlugin.ts';
import { noCookiesPlugin } from './src/sandbox/build/noCookiesPlugin.ts';
import { SlowFirstSequencer } from './test/sequencer.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // index.html lives in src/ so the top level stays as small as the project promises.
  root: 'src',
  publicDir: '../public',
  envDir: root,
  plugins: [
    react(),
    cspPlugin(),
    themeBootPlugin(),
    courseFolderPlugin({ projectRoot: root }),
    contentPlugin({ projectRoot: root }),
    sdkTypesPlugin({ projectRoot: root }),
    quizPlugin({ projectRoot: root }),
    learnerRuntimePlugin(),
    pwaPlugin(),
    spaFallbackPlugin(),
    mermaidChunkPlugin(),
    drawAtBuildPlugin({ projectRoot: root }),
    prerenderPlugin(),
  ],
  // Dark before any script runs when the system is dark (src/app/build/systemDarkCss.ts).
  css: { postcss: { plugins: [systemDarkCss()] } },
  // Exercise checks (content/exercises/*/checks.ts) import their kit by this name.
  resolve: { alias: { '@lab/checks': fileURLToPath(new URL('./src/sandbox/checkKit.ts', import.meta.url)) } },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  // The grader worker imports the exercises' checks and fixtures (virtual:exercise-runtime), and
  // leaves out msw's cookie jar (AWS calls carry no cookies).
  worker: {
    format: 'es',
    plugins: () => [courseFolderPlugin({ projectRoot: root }), contentPlugin({ projectRoot: root }), noCookiesPlugin()],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    root,
    // Vitest's default is one worker less than the cores: one worker on CI's two. Many files wait on
    // a child process (the AWS CLI, tsx, boto3), a server or Chromium, so a second worker keeps both
    // cores busy. Browser test files each drive their own Chromium against shared, read-only builds.
    maxWorkers: 2,
    // Longest files first (a clean clone has no record of durations): see test/sequencer.ts.
    sequence: { sequencer: SlowFirstSequencer },
    // Unit tests sit beside their source; integration and component tests live in test/.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['test/setup.ts'],
          testTimeout: 60_000,
          // The files share their worker's modules instead of each loading its own (the SDK
          // clients and the emulator, again per file, were a third of the unit run's CPU). Safe
          // because no unit file mocks a module (vi.mock: the dom project, still isolated), every
          // msw server is closed after its file, process.env changes are undone after each test,
          // and stubbed globals are undone after each test (unstubGlobals).
          isolate: false,
          unstubGlobals: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          root,
          include: ['src/**/*.test.tsx', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          environment: 'jsdom',
          setupFiles: ['test/setup.ts', 'test/setup-dom.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          root,
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/globalSetup.ts'],
          setupFiles: ['test/setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 600_000,
          // A busy two-core machine is slow: wait for the page, never for a fixed time.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
