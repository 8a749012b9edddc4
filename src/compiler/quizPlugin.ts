import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Plugin, ViteDevServer } from 'vite';
import type { Question, QuestionHtml } from '../schema/questionTypes.ts';
import { contentError } from './contentPlugin.ts';
import { contentDir } from './loadLessons.ts';
import { loadQuestions, type ParsedQuestions } from './loadQuestions.ts';
import { remarkSafeUrls } from './safeUrls.ts';

const QUIZ = 'virtual:quiz';

export interface QuizModule {
  questions: Question[];
  html: Record<string, QuestionHtml>;
}

// Raw HTML in the markdown is dropped (remark-rehype's default): content cannot inject markup.
// Links with a refused address were reported by loadQuestions (and fail the build); they are dropped here too.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkSafeUrls, { onRefused: () => undefined })
  .use(remarkRehype)
  .use(rehypeStringify);

/** Markdown → HTML; a single paragraph comes back without its <p>, so it fits inside a label. */
export function renderInline(markdown: string): string {
  const html = String(processor.processSync(markdown)).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single?.[1] && !single[1].includes('<p>') ? single[1] : html;
}

export function renderQuestion(q: Question): QuestionHtml {
  return {
    stem: String(processor.processSync(q.stem)).trim(),
    options: Object.fromEntries(
      q.options.map((o) => [o.id, { text: renderInline(o.text), explanation: renderInline(o.explanation) }]),
    ),
    ...(q.note ? { note: renderInline(q.note) } : {}),
  };
}

/** The module's source: the bank and its HTML as JSON. */
export function renderModule(questions: Question[]): string {
  const module: QuizModule = { questions, html: Object.fromEntries(questions.map((q) => [q.id, renderQuestion(q)])) };
  return `export const questions = ${JSON.stringify(module.questions)};\nexport const html = ${JSON.stringify(module.html)};\n`;
}

/**
 * `virtual:quiz`: the validated question bank and its rendered HTML, in the quiz views' own chunk
 * (only the lazily loaded quiz pages import it). Any problem in `content/quiz/` fails the build, and
 * in dev shows Vite's overlay with `file:line:column`.
 */
export function quizPlugin(options: { projectRoot?: string } = {}): Plugin {
  const root = options.projectRoot ?? process.cwd();
  let bank: Promise<ParsedQuestions> | undefined;
  const loadBank = async () => {
    bank ??= loadQuestions(contentDir(root), root);
    const parsed = await bank;
    if (parsed.problems.length) {
      bank = undefined;
      throw contentError(parsed.problems, root);
    }
    return parsed.questions;
  };

  return {
    name: 'secrets-lab-quiz',
    // Hook filters keep Vite from calling these for every other module of the build.
    resolveId: {
      filter: { id: /^virtual:quiz$/ },
      handler: () => `\0${QUIZ}`,
    },
    load: {
      filter: { id: /^\0virtual:quiz$/ },
      async handler() {
        return renderModule(await loadBank());
      },
    },
    configureServer(server: ViteDevServer) {
      const dir = path.join(contentDir(root), 'quiz');
      server.watcher.add(dir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(dir)) return;
        bank = undefined;
        const mod = server.moduleGraph.getModuleById(`\0${QUIZ}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
