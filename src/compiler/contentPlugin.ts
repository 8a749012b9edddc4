import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { LessonMeta } from '../schema/lesson.ts';
import { type LoadedExercise, loadExercises } from './loadExercises.ts';
import { contentDir, type LoadedCourse, loadLessons } from './loadLessons.ts';
import { codeStylesheet } from './markdown.ts';
import { checkDiagrams } from './mermaidCheck.ts';
import { ContentError, type Problem, sortProblems } from './problems.ts';

const COURSE = 'virtual:course';
const LESSON = 'virtual:lesson/';
const SEARCH = 'virtual:search';
const CODE_CSS = 'virtual:code.css';
const EXERCISES = 'virtual:exercises';
const EXERCISE = 'virtual:exercise/';
const RUNTIME = 'virtual:exercise-runtime';
const CHECKS = 'virtual:exercise-checks/';

/**
 * A ContentError that Vite's dev overlay shows with its first problem as a clickable
 * `file:line:column` and a code frame of that line (`loc`); the message lists every problem, and
 * there is no stack: the author's mistake is in their file, not in our code.
 */
export function contentError(problems: Problem[], root: string): ContentError {
  const error = new ContentError(problems);
  error.stack = `${error.name}: ${error.message}`;
  const first = problems[0];
  if (first) {
    const file = path.resolve(root, first.file);
    Object.assign(error, {
      id: file,
      loc: { file, line: first.line, column: first.column },
      frame: codeFrame(file, first),
    });
  }
  return error;
}

/** The problem's line with two lines either side and a caret, in the shape Vite's overlay shows. */
function codeFrame(file: string, { line, column }: Problem): string {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

/**
 * Compiles `content/` into virtual modules at build time (and on every edit in dev):
 * - `virtual:course`: lesson metadata (outline, headings) and a lazy loader per lesson;
 * - `virtual:lesson/<slug>`: one lesson's finished HTML, its own chunk;
 * - `virtual:search`: plain-text sections for the client-side search index, loaded on demand;
 * - `virtual:code.css`: colours of highlighted code for both themes;
 * - `virtual:exercises`: exercise list + lazy loader each (`virtual:exercise/<slug>`: instructions,
 *   starter, solution); `virtual:exercise-runtime` (for the sandbox worker): per exercise its fixture
 *   and its checks module (`content/exercises/<slug>/checks.ts`, bundled as code).
 * Content errors fail the build, and in dev show Vite's overlay naming file and line.
 */
export function contentPlugin(options: { projectRoot?: string } = {}): Plugin {
  const root = options.projectRoot ?? process.cwd();
  let course: Promise<LoadedCourse & { exercises: LoadedExercise[] }> | undefined;
  // The app's base path ("/", or "/secrets-lab/" with `--base`): links in lessons start with it.
  let base = '/';
  // Lessons and exercises load together: both feed the one code stylesheet.
  const load = () => {
    course ??= Promise.all([
      loadLessons(contentDir(root), root, { base }),
      loadExercises(contentDir(root), root, { base }),
    ]).then(async ([lessons, ex]) => {
      // A diagram that does not parse stops the build too, as content:check does. (The one
      // exception is the browser tests' fixture course, which keeps a broken diagram on purpose
      // to test the page's fallback for a diagram that cannot be drawn.)
      const unchecked = process.env.SECRETS_LAB_UNCHECKED_DIAGRAMS === '1';
      const diagrams = unchecked
        ? []
        : [...lessons.results.flatMap((r) => r.diagrams.map((d) => ({ file: r.file, ...d }))), ...ex.diagrams];
      const problems = [...lessons.problems, ...ex.problems, ...(await checkDiagrams(diagrams))];
      return { ...lessons, problems: sortProblems(problems), exercises: ex.exercises };
    });
    return course;
  };
  const valid = async () => {
    const c = await load();
    if (c.problems.length) throw contentError(c.problems, root);
    return c;
  };

  return {
    name: 'secrets-lab-content',
    // For the plugin that draws the lessons' diagrams at build time (src/lesson/build/).
    api: { lessons: async () => (await valid()).lessons },
    configResolved(config) {
      base = config.base;
    },
    resolveId(id) {
      if (
        [COURSE, SEARCH, CODE_CSS, EXERCISES, RUNTIME].includes(id) ||
        [LESSON, EXERCISE, CHECKS].some((p) => id.startsWith(p))
      ) {
        return `\0${id}`;
      }
      return undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:')) return undefined;
      const key = id.slice(1);
      const c = await valid();
      if (key === COURSE) {
        const metas: LessonMeta[] = c.lessons.map(({ html, sections, file, ...meta }) => meta);
        const loaders = c.lessons
          .map((l) => `  ${JSON.stringify(l.slug)}: () => import(${JSON.stringify(LESSON + l.slug)}),`)
          .join('\n');
        return `export const lessons = ${JSON.stringify(metas)};\nexport const loaders = {\n${loaders}\n};\n`;
      }
      if (key === SEARCH) return `export default ${JSON.stringify(c.lessons.flatMap((l) => l.sections))};`;
      if (key === CODE_CSS) return codeStylesheet();
      if (key === EXERCISES) {
        const list = c.exercises.map(({ meta: { html, starter, solution, hints, ...light } }) => light);
        const loaders = c.exercises.map(
          (e) => `  ${JSON.stringify(e.meta.slug)}: () => import(${JSON.stringify(EXERCISE + e.meta.slug)}),`,
        );
        return `export const exercises = ${JSON.stringify(list)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
      }
      if (key === RUNTIME) {
        const loaders = c.exercises.map(
          (e) => `  ${JSON.stringify(e.meta.slug)}: () => import(${JSON.stringify(CHECKS + e.meta.slug)}),`,
        );
        return `export const runtimes = {\n${loaders.join('\n')}\n};\n`;
      }
      if (key.startsWith(EXERCISE) || key.startsWith(CHECKS)) {
        const slug = key.slice(key.indexOf('/') + 1);
        const exercise = c.exercises.find((e) => e.meta.slug === slug);
        if (!exercise) throw new Error(`No exercise "${slug}" in ${contentDir(root)}`);
        if (key.startsWith(EXERCISE)) return `export default ${JSON.stringify(exercise.meta)};`;
        return `import tasks from ${JSON.stringify(exercise.checksPath)};\nexport { tasks };\nexport const fixture = ${JSON.stringify(exercise.fixture)};\n`;
      }
      if (key.startsWith(LESSON)) {
        const lesson = c.lessons.find((l) => l.slug === key.slice(LESSON.length));
        if (!lesson) throw new Error(`No lesson "${key.slice(LESSON.length)}" in ${contentDir(root)}`);
        return `export default ${JSON.stringify({ slug: lesson.slug, html: lesson.html })};`;
      }
      return undefined;
    },
    configureServer(server: ViteDevServer) {
      const dir = contentDir(root);
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(dir)) return;
        course = undefined;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:')) server.moduleGraph.invalidateModule(mod);
        }
        // A full reload keeps drafts and progress: they live in the persisted store.
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
