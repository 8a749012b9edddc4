import { transformerStyleToClass } from '@shikijs/transformers';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { createHighlighter, type HighlighterGeneric } from 'shiki';
import { unified } from 'unified';
import {
  type CompiledLesson,
  type LessonHeading,
  lessonFrontmatterSchema,
  type SearchSection,
} from '../schema/lesson.ts';
import { readFrontmatter } from './frontmatter.ts';
import { locate, type Problem } from './problems.ts';
import { rehypeCode, rehypeHeadings, rehypeLessonLinks } from './rehypePlugins.ts';
import { remarkCallouts, remarkMermaid } from './remarkPlugins.ts';
import { type Refused, remarkSafeUrls } from './safeUrls.ts';

/**
 * Markdown → HTML at build time, in Node (the Vite plugin, content:check and tests). Nothing here
 * ships to the browser: the page receives finished HTML, highlighted code and diagram sources.
 */
export interface Diagram {
  source: string;
  /** Line in the lesson file. */
  line: number;
}

export interface LessonLink {
  slug: string;
  anchor: string | undefined;
  line: number;
}

export interface CompileResult {
  /** The lesson file, relative to the project root, and its slug (known even when its frontmatter is broken). */
  file: string;
  slug: string;
  /** Its `##`/`###` headings: a lesson with broken frontmatter is still a link target. */
  headings: LessonHeading[];
  lesson: CompiledLesson | undefined;
  problems: Problem[];
  diagrams: Diagram[];
  links: LessonLink[];
  /** Line of each frontmatter key, for problems found later (a duplicate `order`). */
  keyLines: Record<string, number>;
  /** Fenced code blocks with their language tag and starting line (for type checks). */
  code: { lang: string; source: string; line: number }[];
}

let highlighterPromise: Promise<HighlighterGeneric<string, string>> | undefined;
const styleToClass = transformerStyleToClass({ classPrefix: 'sh-' });

function highlighter() {
  highlighterPromise ??= createHighlighter({
    themes: ['github-light-high-contrast', 'github-dark-high-contrast'],
    langs: ['typescript', 'javascript', 'bash', 'json', 'yaml', 'python'],
  }) as Promise<HighlighterGeneric<string, string>>;
  return highlighterPromise;
}

/** The stylesheet for highlighted code: one class per colour pair, both themes as CSS variables. */
export function codeStylesheet(): string {
  return styleToClass.getCSS();
}

export function slugOf(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.md$/, '');
}

export interface RenderedMarkdown {
  html: string;
  headings: LessonHeading[];
  sections: { anchor: string; heading: string; text: string }[];
  diagrams: Diagram[];
  links: LessonLink[];
  code: CompileResult['code'];
  /** Links and images whose address is refused (see safeUrls.ts), removed from the HTML. */
  refused: Refused[];
}

/** Markdown body → HTML plus what checks need (diagrams, links, code blocks), lines in file terms. */
/** How the HTML is made: `base` is the app's base path ("/" or "/secrets-lab/"), for links into the app. */
export interface RenderOptions {
  base?: string;
}

export async function renderMarkdown(
  body: string,
  bodyLine = 1,
  options: RenderOptions = {},
): Promise<RenderedMarkdown> {
  const diagrams: Diagram[] = [];
  const links: LessonLink[] = [];
  const headings: LessonHeading[] = [];
  const sections: { anchor: string; heading: string; text: string }[] = [];
  const code: CompileResult['code'] = [];
  const refused: RenderedMarkdown['refused'] = [];
  const lineShift = bodyLine - 1;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(() => (tree) => {
      // Record code blocks (other than diagrams) with their file line, for content:check.
      for (const node of (tree as import('mdast').Root).children) {
        if (node.type === 'code' && node.lang !== 'mermaid') {
          code.push({ lang: node.lang ?? '', source: node.value, line: (node.position?.start.line ?? 0) + lineShift });
        }
      }
    })
    .use(remarkSafeUrls, {
      onRefused: (message: string, line: number, column: number) =>
        refused.push({ message, line: line + lineShift, column }),
    })
    .use(remarkCallouts)
    .use(remarkMermaid, {
      onDiagram: (source: string, line: number) => diagrams.push({ source, line: line + lineShift }),
    })
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeHeadings, { headings, sections })
    .use(rehypeLessonLinks, {
      base: options.base ?? '/',
      onLink: (target: string, anchor: string | undefined, line: number) =>
        links.push({ slug: target, anchor, line: line + lineShift }),
    })
    .use(rehypeCode, { highlighter: await highlighter(), transformers: [styleToClass] })
    .use(rehypeStringify);
  const html = String(await processor.process(body));
  return { html, headings, sections, diagrams, links, code, refused };
}

export async function compileLesson(file: string, text: string, options: RenderOptions = {}): Promise<CompileResult> {
  const fm = readFrontmatter(file, text, lessonFrontmatterSchema);
  const keyLines: Record<string, number> = {};
  if (fm.yaml) for (const key of Object.keys(fm.data ?? {})) keyLines[key] = locate(fm.yaml, [key]).line;
  const slug = slugOf(file);
  const problems = [...fm.problems];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: `File name "${slug}.md" must be lowercase-kebab-case (it is the lesson's URL)`,
    });
  }
  const {
    html,
    headings,
    sections: rawSections,
    diagrams,
    links,
    code,
    refused,
  } = await renderMarkdown(fm.body, fm.bodyLine, options);
  problems.push(...refused.map((r) => ({ file, ...r })));
  if (!fm.data) return { file, slug, headings, lesson: undefined, problems, diagrams, links, code, keyLines };
  const sections: SearchSection[] = rawSections
    .map((s) => ({
      slug,
      anchor: s.anchor,
      heading: s.heading || fm.data!.title,
      text: s.text.replace(/\s+/g, ' ').trim(),
    }))
    .filter((s) => s.text || s.anchor);
  return {
    file,
    slug,
    headings,
    lesson: { ...fm.data, slug, file, html, headings, diagrams: diagrams.length, sections },
    problems,
    diagrams,
    links,
    code,
    keyLines,
  };
}
