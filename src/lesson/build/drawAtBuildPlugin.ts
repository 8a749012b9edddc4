import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger, Plugin } from 'vite';
import { DRAWING_ROOM_STYLE, mermaidConfig } from '../diagrams/config.ts';
import { fontFingerprint, fontsLoaded } from '../diagrams/fontCheck.ts';
import { turned } from '../diagrams/layout.ts';
import { ownText, scaleOf, smallestLabel, withSmallestLabel } from '../diagrams/measure.ts';
import { buildChromium } from './buildChromium.ts';

/**
 * Draws every lesson's diagrams at build time, in both themes, with the real mermaid in headless
 * Chromium, so a first visit shows them with the lesson's text: no mermaid to download, evaluate
 * and run in the learner's browser (the page still has it for a diagram the build could not draw,
 * and for browsers whose fonts measure text otherwise: see fontCheck.ts).
 * - `virtual:lesson-drawings`: the build's font fingerprint and, per lesson with diagrams, a loader
 *   per theme;
 * - `virtual:lesson-drawings/<slug>-<light|dark>`: that lesson's SVGs (a chunk named so) by diagram source (a
 *   flowchart's turned source too, see layout.ts), each with its smallest label recorded on it, as
 *   the page's own drawing does (measure.ts).
 * The drawing page has the app's stylesheet, and draws with the page's mermaid settings
 * (config.ts) in the same out-of-sight room. Without Chromium (or with SECRETS_LAB_DRAW_AT_BUILD=0)
 * the build says so and goes on: the learner's browser draws the diagrams, as in `npm run dev`.
 */
const INDEX = 'virtual:lesson-drawings';
/** The drawing page's made-up origin (nothing leaves the machine: every request is answered here). */
const ORIGIN = 'http://drawing.secrets-lab.invalid';
const ONE = `${INDEX}/`;

type Theme = 'light' | 'dark';
export interface Drawn {
  font: string;
  /** slug → theme → source → SVG. */
  lessons: Map<string, Record<Theme, Record<string, string>>>;
}
interface LessonHtml {
  slug: string;
  html: string;
  /** How many diagrams it has. */
  diagrams: number;
}

export function drawAtBuildPlugin({ projectRoot }: { projectRoot: string }): Plugin {
  let enabled = false;
  let logger: Logger | undefined;
  let lessons: (() => Promise<readonly LessonHtml[]>) | undefined;
  let drawing: Drawing | undefined;
  const drawn = (): Drawing => {
    if (!enabled || !lessons) return NOT_DRAWING;
    const list = lessons;
    drawing ??= startDrawing(projectRoot, list(), logger);
    return drawing;
  };
  // Rolldown calls a hook with a filter only for the ids it matches (not for each of the build's
  // thousands of modules).
  return {
    name: 'secrets-lab-draw-at-build',
    // For the plugin that prerenders the lessons (prerenderPlugin.ts): the drawings, both themes.
    api: { drawn: () => drawn().done },
    configResolved(config) {
      enabled = config.command === 'build' && process.env.SECRETS_LAB_DRAW_AT_BUILD !== '0';
      logger = config.logger;
      lessons = config.plugins.find((p) => p.name === 'secrets-lab-content')?.api?.lessons;
    },
    buildStart() {
      // Started at once: Chromium draws while the bundler works on the rest.
      void drawn();
    },
    resolveId: {
      filter: { id: /^virtual:lesson-drawings(\/|$)/ },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: /^\0virtual:lesson-drawings(\/|$)/ },
      async handler(id) {
        if (id === `\0${INDEX}`) {
          // Only the font and which lessons are drawn: the bundler goes on while Chromium draws,
          // and only the lessons' own drawing chunks wait for it.
          const started = await drawn().started;
          if (!started) return 'export const font = undefined;\nexport const loaders = {};\n';
          const loaders = started.slugs.map((slug) => {
            const one = (theme: Theme) => `${theme}: () => import(${JSON.stringify(`${ONE}${slug}-${theme}`)})`;
            return `  ${JSON.stringify(slug)}: { ${one('light')}, ${one('dark')} },`;
          });
          return `export const font = ${JSON.stringify(started.font)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
        }
        const [, slug = '', theme = 'light'] = id.slice(ONE.length + 1).match(/^(.*)-(light|dark)$/) ?? [];
        const svgs = (await drawn().done)?.lessons.get(slug)?.[theme as Theme];
        return `export default ${JSON.stringify(svgs ?? {})};\n`;
      },
    },
  };
}

/** A drawing under way: `started` once Chromium measured the font, `done` once all is drawn. */
interface Drawing {
  started: Promise<{ font: string; slugs: string[] } | undefined>;
  done: Promise<Drawn | undefined>;
}
const NOT_DRAWING: Drawing = { started: Promise.resolve(undefined), done: Promise.resolve(undefined) };

/** Starts drawing; see drawAll. A lesson whose drawing then fails gets none (the page draws it). */
function startDrawing(root: string, lessons: Promise<readonly LessonHtml[]>, logger?: Logger): Drawing {
  let started: (s: { font: string; slugs: string[] } | undefined) => void = () => {};
  const whenStarted = new Promise<{ font: string; slugs: string[] } | undefined>((resolve) => {
    started = resolve;
  });
  const done = lessons.then((all) =>
    drawAll(root, all, logger, undefined, (font) =>
      started({ font, slugs: all.filter((l) => l.diagrams > 0).map((l) => l.slug) }),
    ),
  );
  // Never drawn (no Chromium, say): `started` settles too, empty.
  void done.then(
    () => started(undefined),
    () => started(undefined),
  );
  return { started: whenStarted, done };
}

/** What runs in the drawing page besides mermaid: the page's own measuring code, and a few steps. */
const IN_PAGE = `
var __name = (f) => f; // (a bundler's keepNames helper, should the functions below carry it)
${String(scaleOf)}
${String(ownText)}
${String(smallestLabel)}
${String(withSmallestLabel)}
${String(fontFingerprint)}
${String(fontsLoaded)}
function drawingRoom() {
  let room = document.getElementById('diagram-drawing-room');
  if (!room) {
    room = document.createElement('div');
    room.id = 'diagram-drawing-room';
    room.style.cssText = ${JSON.stringify(DRAWING_ROOM_STYLE)};
    document.body.append(room);
  }
  return room;
}
function sourcesIn(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.querySelectorAll('figure.mermaid-diagram .mermaid-source')].map((pre) => pre.textContent ?? '');
}
async function draw(id, source) {
  try {
    const { svg } = await mermaid.render(id, source, drawingRoom());
    return withSmallestLabel(svg, drawingRoom());
  } catch {
    document.getElementById(id)?.remove();
    document.getElementById('d' + id)?.remove();
    return null;
  }
}
`;

/** Draws the lessons' diagrams (exported for its tests); undefined when it cannot, having said why. */
export async function drawAll(
  root: string,
  lessons: readonly LessonHtml[],
  logger?: Pick<Logger, 'info' | 'warn'>,
  /** Where Chromium is (the tests' launcher finds it when not given; null: there is none). */
  chromiumPath?: string | null,
  /** Told the font fingerprint as soon as it is known, before the drawing. */
  onFont?: (font: string) => void,
): Promise<Drawn | undefined> {
  const startedAt = performance.now();
  const withDiagrams = lessons.filter((l) => l.diagrams > 0);
  if (!withDiagrams.length) return undefined;
  const fallback = 'each learner’s browser will draw them on a first visit instead (slower).';
  const started = await buildChromium(chromiumPath);
  if (!('browser' in started)) {
    const why = started.howToInstall ? `: ${fallback}\n${started.howToInstall}` : ` (${started.why}): ${fallback}`;
    logger?.warn(`\nDiagrams are not drawn at build time${why}\n`);
    return undefined;
  }
  const { browser } = started;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // A page of its own origin, answered from here: the app's stylesheet, and mermaid's ES modules
    // (only what the diagrams need loads, as in the app; the one-file build of everything takes
    // seconds more to evaluate).
    const styles = readFileSync(path.join(root, 'src/app/styles.css'), 'utf8');
    const dist = path.join(mermaidDir(root), 'dist');
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = new URL(route.request().url()).pathname;
      if (file === '/') {
        const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${styles}</style></head><body></body></html>`;
        return route.fulfill({ contentType: 'text/html', body: html });
      }
      // The page's font, as the stylesheet names it (node_modules/@fontsource-variable/…).
      if (file.startsWith('/@fontsource-variable/')) {
        const modules = path.join(root, 'node_modules');
        const font = path.join(modules, path.normalize(file));
        if (!font.startsWith(modules) || !existsSync(font)) return route.fulfill({ status: 404 });
        return route.fulfill({ contentType: 'font/woff2', body: readFileSync(font) });
      }
      const within = path.join(dist, path.normalize(file));
      if (!within.startsWith(dist) || !file.endsWith('.mjs')) return route.fulfill({ status: 404 });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(within) });
    });
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({
      type: 'module',
      content: "import mermaid from './mermaid.esm.min.mjs'; globalThis.mermaid = mermaid;",
    });
    await page.addScriptTag({ content: IN_PAGE });
    await page.waitForFunction(() => 'mermaid' in globalThis);
    // Once the page's font has loaded, as the app measures (fontCheck.ts).
    const font = await page.evaluate<string>(
      'fontsLoaded(getComputedStyle(document.body).fontFamily, 30000).then(() => fontFingerprint(getComputedStyle(document.body).fontFamily))',
    );
    onFont?.(font);
    const sources = new Map<string, string[]>();
    for (const lesson of withDiagrams) {
      const own = await page.evaluate<string[], string>(
        (html) => (globalThis as never as { sourcesIn: (h: string) => string[] }).sourcesIn(html),
        lesson.html,
      );
      sources.set(lesson.slug, [...own, ...own.flatMap((s) => turned(s) ?? [])]);
    }
    const drawnLessons: Drawn['lessons'] = new Map();
    for (const theme of ['light', 'dark'] as const) {
      const dark = theme === 'dark';
      await page.evaluate(
        (d) => {
          document.documentElement.dataset.theme = d.theme;
          (globalThis as never as { mermaid: { initialize: (c: unknown) => void } }).mermaid.initialize(d.config);
        },
        { theme, config: mermaidConfig(dark) },
      );
      for (const [slug, list] of sources) {
        const svgs: Record<string, string> = {};
        for (const source of list) {
          const svg = await page.evaluate<string | null, string[]>(
            ([id, s]) =>
              (globalThis as never as { draw: (i?: string, s?: string) => Promise<string | null> }).draw(id, s),
            [idFor(source, theme), source],
          );
          // A diagram that cannot be drawn is left to the page, which shows why.
          if (svg) svgs[source] = svg;
        }
        const entry = drawnLessons.get(slug) ?? { light: {}, dark: {} };
        entry[theme] = svgs;
        drawnLessons.set(slug, entry);
      }
    }
    const count = [...drawnLessons.values()].reduce(
      (n, l) => n + Object.keys(l.light).length + Object.keys(l.dark).length,
      0,
    );
    logger?.info(`${count} diagram drawings made at build time in ${Math.round(performance.now() - startedAt)} ms`);
    return { font, lessons: drawnLessons };
  } catch (e) {
    logger?.warn(`\nDiagrams are not drawn at build time (${e instanceof Error ? e.message : e}): ${fallback}\n`);
    return undefined;
  } finally {
    await browser.close();
  }
}

/** A stable id per drawing (mermaid scopes the SVG's CSS by it), apart from those the page makes. */
function idFor(source: string, theme: Theme): string {
  return `diagram-b${createHash('sha256').update(`${theme}\n${source}`).digest('hex').slice(0, 10)}`;
}

function mermaidDir(root: string): string {
  return path.dirname(createRequire(path.join(root, 'package.json')).resolve('mermaid/package.json'));
}
