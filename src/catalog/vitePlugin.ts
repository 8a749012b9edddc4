import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { contentDir, type LoadedCourse, loadLessons } from './loadLessons.ts';
import type { LessonMeta } from './lesson.ts';
import { codeStylesheet } from './markdown.ts';
import { ContentError } from './problems.ts';

const COURSE = 'virtual:course';
const LESSON = 'virtual:lesson/';
const SEARCH = 'virtual:search';
const CODE_CSS = 'virtual:code.css';

/**
 * Compiles `content/` into virtual modules at build time (and on every edit in dev):
 * - `virtual:course`: lesson metadata (outline, headings) and a lazy loader per lesson;
 * - `virtual:lesson/<slug>`: one lesson's finished HTML, its own chunk;
 * - `virtual:search`: plain-text sections for the client-side search index, loaded on demand;
 * - `virtual:code.css`: colours of highlighted code for both themes.
 * Content errors fail the build, and in dev show Vite's overlay naming file and line.
 */
export function contentPlugin(options: { projectRoot?: string } = {}): Plugin {
  const root = options.projectRoot ?? process.cwd();
  let course: Promise<LoadedCourse> | undefined;
  const load = () => {
    course ??= loadLessons(contentDir(root), root);
    return course;
  };
  const valid = async () => {
    const c = await load();
    if (c.problems.length) throw new ContentError(c.problems);
    return c;
  };

  return {
    name: 'secrets-lab-content',
    resolveId(id) {
      if (id === COURSE || id === SEARCH || id === CODE_CSS || id.startsWith(LESSON)) return `\0${id}`;
      return undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:')) return undefined;
      const key = id.slice(1);
      const c = await valid();
      if (key === COURSE) {
        const metas: LessonMeta[] = c.lessons.map(({ html, sections, file, ...meta }) => meta);
        const loaders = c.lessons.map((l) => `  ${JSON.stringify(l.slug)}: () => import(${JSON.stringify(LESSON + l.slug)}),`).join('\n');
        return `export const lessons = ${JSON.stringify(metas)};\nexport const loaders = {\n${loaders}\n};\n`;
      }
      if (key === SEARCH) return `export default ${JSON.stringify(c.lessons.flatMap((l) => l.sections))};`;
      if (key === CODE_CSS) return codeStylesheet();
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
