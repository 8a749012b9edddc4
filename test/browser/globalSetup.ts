import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

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
    /** The app built from the fixture course (`copyFixtureCourse`: a broken diagram, among others). */
    fixtureUrl: string;
  }
}

/**
 * Builds the app from a content folder as `npm run build -- --content <folder> --base <base>` does,
 * in a child process: its environment (the content folder, NODE_ENV=production rather than vitest's
 * "test", which would bundle React's development build) is its own, so two builds can run at once.
 */
export async function buildInto(outDir: string, content: string, base = '/', env: Record<string, string> = {}) {
  const args = ['scripts/vite.mjs', 'build', '--content', content, '--base', base, '--outDir', outDir];
  try {
    await run(process.execPath, [...args, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    throw new Error(`The build of ${content} failed:\n${stdout}${stderr}`);
  }
}

/** The lesson an author adds to the fixture course: one file in lessons/, nothing in src/. */
export const ADDED_LESSON = {
  slug: 'rotation-windows',
  title: 'Rotation windows, added by an author',
  text: `---
title: Rotation windows, added by an author
order: 99
summary: A lesson added as a file to a course outside the project, to prove the outline picks it up.
domain: 2
task: "2.3"
minutes: 2
---

## A first section

Written by an instructor in a text editor.
`,
};

/**
 * The fixture course as an author keeps one: a folder of its own outside the project (no
 * node_modules above it, as `npm run build -- --content ../my-course` meets it), holding
 * test/fixtures/content, the lesson an author added, and the course's first exercise borrowed from
 * content/ (its checks import the SDK and @lab/checks from this project), pointed at a lesson of
 * this course. The caller removes the folder.
 */
export async function copyFixtureCourse(): Promise<string> {
  const course = await mkdtemp(path.join(tmpdir(), 'secrets-lab-course-'));
  await cp(path.join(root, 'test/fixtures/content'), course, { recursive: true });
  await writeFile(path.join(course, `lessons/${ADDED_LESSON.slug}.md`), ADDED_LESSON.text);
  const exercise = path.join(course, 'exercises/read-db-credentials');
  await cp(path.join(root, 'content/exercises/read-db-credentials'), exercise, { recursive: true });
  const brief = path.join(exercise, 'exercise.md');
  const text = await readFile(brief, 'utf8');
  await writeFile(
    brief,
    text.replaceAll('secrets-manager-basics', 'first-steps').replaceAll('#retrieving-a-secret', '#a-working-diagram'),
  );
  return course;
}

/**
 * Builds the app twice (real content under APP_BASE, the fixture course at the root) and serves each
 * with `vite preview`, which answers a path under the base that is no file with index.html (the SPA
 * fallback a static host gives), and anything outside the base with 404.
 */
export default async function setup(project: TestProject) {
  const servers: PreviewServer[] = [];
  const serve = async (name: string, content: string, base = '/', env: Record<string, string> = {}) => {
    const outDir = path.join(root, 'node_modules/.cache/browser-test', name);
    // BROWSER_TEST_REUSE_BUILD=1 keeps a build that is already there (for iterating on a test).
    if (!(process.env.BROWSER_TEST_REUSE_BUILD && existsSync(path.join(outDir, 'index.html'))))
      await buildInto(outDir, content, base, env);
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
  // The two builds run at once, each in its own process (about half the wait on two cores).
  // BROWSER_TEST_CONTENT points the 'app' build at another content folder (an author's copy, say).
  // The fixture course keeps a diagram that does not parse (the page's fallback is under test), which
  // the build would otherwise refuse.
  // The fixture course also stands for an author's course outside the project (authoring.test).
  const course = await copyFixtureCourse();
  const [appUrl, fixtureUrl] = await Promise.all([
    serve('app', process.env.BROWSER_TEST_CONTENT ?? 'content', APP_BASE),
    // Its diagrams are drawn in the page, as where the build had no Chromium (or the learner's fonts
    // differ): that path stays under test (the real course's build draws them, see lessons.test).
    serve('fixture', course, '/', { SECRETS_LAB_UNCHECKED_DIAGRAMS: '1', SECRETS_LAB_DRAW_AT_BUILD: '0' }),
  ]);
  project.provide('appUrl', appUrl);
  project.provide('fixtureUrl', fixtureUrl);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    await rm(course, { recursive: true, force: true });
  };
}
