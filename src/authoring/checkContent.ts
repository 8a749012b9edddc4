import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readFrontmatter } from '../compiler/frontmatter.ts';
import { loadExercises } from '../compiler/loadExercises.ts';
import { loadLessons } from '../compiler/loadLessons.ts';
import { checkQuestionFiles } from '../compiler/loadQuestions.ts';
import { type CompileResult, renderMarkdown } from '../compiler/markdown.ts';
import { checkDiagrams, type DiagramBlock } from '../compiler/mermaidCheck.ts';
import { locate, type Problem, parseLocatedYaml, sortProblems } from '../compiler/problems.ts';
import { contentStatus } from '../course/contentStatus.ts';
import { proveExercise } from '../sandbox/prove.ts';
import type { LessonHeading } from '../schema/lesson.ts';
import { editorDiagnostics } from './editorTypecheck.ts';
import { type MarkdownFacts, markdownProblems, placeholderProblems, readmeProblems } from './textChecks.ts';
import { type CodeBlock, TYPESCRIPT_TAGS, typecheckBlocks } from './typecheckCode.ts';

export interface CheckContentOptions {
  /** Project root: file names in problems are relative to it, and node_modules is found there. */
  root?: string;
  /** Run each exercise's solution, starter and wrong answers through its checks (the slow part); a function picks exercises by slug. */
  prove?: boolean | ((slug: string) => boolean);
}

const relative = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');
const list = (dir: string) => readdir(dir, { withFileTypes: true }).catch(() => []);

type At = { file: string; line: number; column: number };
/** Why a `slug#anchor` reference does not resolve, or undefined when it does. */
type Resolver = (target: string) => string | undefined;
type ExerciseDoc = Awaited<ReturnType<typeof readExerciseDocs>>[number];

/**
 * Everything `npm run content:check` proves about a content folder, as problems (errors, and
 * warnings with `severity: 'warning'`), sorted by file and line. Nothing stops at the first problem.
 */
export async function checkContent(folder: string, options: CheckContentOptions = {}): Promise<Problem[]> {
  const root = path.resolve(options.root ?? process.cwd());
  const dir = path.resolve(root, folder);
  const [course, loaded, quizFiles, exerciseDocs] = await Promise.all([
    loadLessons(dir, root),
    loadExercises(dir, root),
    readQuizFiles(dir, root),
    readExerciseDocs(dir, root),
  ]);
  const lessonFiles = await lessonFacts(dir, root, course.results);
  const quiz = checkQuestionFiles(quizFiles);
  const markdown = [...lessonFiles, ...exerciseDocs.map((d) => d.facts)];

  // A lesson whose frontmatter is broken still exists as a link target (its own problem is enough).
  const lessonSlugs = new Set(lessonFiles.map((f) => path.basename(f.file, '.md')));
  const headings = new Map<string, LessonHeading[]>(course.results.map((r) => [r.slug, r.headings]));
  const unresolved: Resolver = (target) => {
    const [slug = '', anchor] = target.split('#');
    if (!lessonSlugs.has(slug)) return `no lesson content/lessons/${slug}.md`;
    const ids = headings.get(slug);
    if (anchor && ids && !ids.some((h) => h.id === anchor))
      return `${slug}.md has no heading with the anchor #${anchor} (headings: ${ids.map((h) => `#${h.id}`).join(', ')})`;
    return undefined;
  };
  const questions = questionLinks(quizFiles, unresolved, new Set(exerciseDocs.map((e) => e.slug)));

  const problems: Problem[] = [
    ...course.problems,
    ...loaded.problems,
    ...quiz.problems,
    ...questions.problems,
    ...exerciseLinks(exerciseDocs, unresolved),
    ...markdown.flatMap(markdownProblems),
    ...(await placeholderProblems(dir, root)),
    ...(await readmeProblems(dir, root)),
    ...(await checkDiagrams(markdown.flatMap((m): DiagramBlock[] => m.diagrams.map((d) => ({ file: m.file, ...d }))))),
    ...typecheckBlocks(
      markdown.flatMap((m): CodeBlock[] =>
        m.code
          .filter((c) => TYPESCRIPT_TAGS.has(c.lang))
          .map((c) => ({ file: m.file, line: c.line, source: c.source })),
      ),
      root,
    ),
    // What the learner opens and what the solution shows must not be underlined in the editor.
    ...loaded.exercises.flatMap((e) => [
      ...editorDiagnostics(relative(root, path.join(e.dir, 'starter.ts')), e.meta.starter, root),
      ...editorDiagnostics(relative(root, path.join(e.dir, 'solution.ts')), e.meta.solution, root),
    ]),
  ];
  const prove = options.prove ?? true;
  if (prove !== false) {
    for (const exercise of loaded.exercises.filter((e) => prove === true || prove(e.meta.slug))) {
      problems.push(
        ...(await proveExercise(exercise, root).catch((e: unknown) => [
          {
            file: relative(root, exercise.checksPath),
            line: 1,
            column: 1,
            message: `The checks could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
          },
        ])),
      );
    }
  }

  const status = contentStatus({
    lessons: course.lessons,
    questions: quiz.questions,
    exercises: loaded.exercises.map((e) => e.meta),
  });
  const warn = (at: At | undefined, warnings: string[] = []) =>
    at ? warnings.map((message): Problem => ({ ...at, message, severity: 'warning' })) : [];
  problems.push(
    ...course.lessons.flatMap((l) => warn({ file: l.file, line: 1, column: 1 }, status.lessons[l.slug])),
    ...quiz.questions.flatMap((q) => warn(questions.lines.get(q.id), status.questions[q.id])),
    ...exerciseDocs.flatMap((e) => warn({ file: e.facts.file, line: 1, column: 1 }, status.exercises[e.slug])),
  );
  return sortProblems(problems);
}

/** Questions point at a lesson section and, optionally, an exercise. Also: where each question id is. */
function questionLinks(files: readonly { file: string; text: string }[], unresolved: Resolver, exercises: Set<string>) {
  const problems: Problem[] = [];
  const lines = new Map<string, At>();
  for (const { file, text } of files) {
    const y = parseLocatedYaml(text);
    const items: unknown = y.doc.errors.length ? undefined : y.doc.toJS();
    if (!Array.isArray(items)) continue;
    items.forEach((item: { id?: unknown; lesson?: unknown; exercise?: unknown } | null, i) => {
      const label = typeof item?.id === 'string' ? `question "${item.id}"` : `question #${i + 1}`;
      if (typeof item?.id === 'string' && !lines.has(item.id)) lines.set(item.id, { file, ...locate(y, [i, 'id']) });
      const why = typeof item?.lesson === 'string' ? unresolved(item.lesson) : undefined;
      if (why)
        problems.push({ file, ...locate(y, [i, 'lesson']), message: `${label}: lesson: "${item?.lesson}": ${why}` });
      if (typeof item?.exercise === 'string' && !exercises.has(item.exercise)) {
        const message = `${label}: exercise: "${item.exercise}": no exercise folder content/exercises/${item.exercise}/`;
        problems.push({ file, ...locate(y, [i, 'exercise']), message });
      }
    });
  }
  return { problems, lines };
}

/** Exercises point at a lesson section, have a unique order, and their instructions link lessons. */
function exerciseLinks(docs: readonly ExerciseDoc[], unresolved: Resolver): Problem[] {
  const problems: Problem[] = [];
  const orders = new Map<number, string>();
  for (const { facts, fields, at } of docs) {
    const why = typeof fields.lesson === 'string' ? unresolved(fields.lesson) : undefined;
    if (why) problems.push({ file: facts.file, ...at('lesson'), message: `lesson: "${fields.lesson}": ${why}` });
    if (typeof fields.order === 'number') {
      const other = orders.get(fields.order);
      if (other)
        problems.push({
          file: facts.file,
          ...at('order'),
          message: `order: ${fields.order} is already used by ${other}`,
        });
      else orders.set(fields.order, facts.file);
    }
    for (const link of facts.links) {
      const target = link.anchor ? `${link.slug}#${link.anchor}` : link.slug;
      const broken = unresolved(target);
      if (broken)
        problems.push({
          file: facts.file,
          line: link.line,
          column: 1,
          message: `Link to "${link.slug}.md${link.anchor ? `#${link.anchor}` : ''}": ${broken}`,
        });
    }
  }
  return problems;
}

async function readQuizFiles(dir: string, root: string) {
  const quizDir = path.join(dir, 'quiz');
  const names = (await list(quizDir))
    .map((f) => f.name)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  return Promise.all(
    names.map(async (n) => ({
      file: relative(root, path.join(quizDir, n)),
      text: await readFile(path.join(quizDir, n), 'utf8'),
    })),
  );
}

async function facts(root: string, abs: string): Promise<MarkdownFacts> {
  const text = await readFile(abs, 'utf8');
  const fm = readFrontmatter(relative(root, abs), text, z.unknown());
  const rendered = await renderMarkdown(fm.body, fm.bodyLine);
  return { file: relative(root, abs), text, links: rendered.links, diagrams: rendered.diagrams, code: rendered.code };
}

/**
 * What loadLessons found in each lesson file, with its file name: loadLessons compiles the files in
 * sorted name order, so results and names line up. Lessons whose frontmatter is broken still have
 * their links, diagrams and code.
 */
async function lessonFacts(dir: string, root: string, results: readonly CompileResult[]): Promise<MarkdownFacts[]> {
  const lessonsDir = path.join(dir, 'lessons');
  const names = (await list(lessonsDir))
    .map((f) => f.name)
    .filter((n) => n.endsWith('.md'))
    .sort();
  if (names.length !== results.length) throw new Error(`${lessonsDir} changed while it was being checked`);
  return Promise.all(
    names.map(async (n, i) => {
      const abs = path.join(lessonsDir, n);
      const r = results[i] as CompileResult;
      return {
        file: relative(root, abs),
        text: await readFile(abs, 'utf8'),
        links: r.links,
        diagrams: r.diagrams,
        code: r.code,
      };
    }),
  );
}

async function readExerciseDocs(dir: string, root: string) {
  const base = path.join(dir, 'exercises');
  const folders = (await list(base))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const docs = await Promise.all(
    folders.map(async (slug) => {
      const abs = path.join(base, slug, 'exercise.md');
      const found = await facts(root, abs).catch(() => undefined);
      if (!found) return undefined;
      const fm = readFrontmatter(found.file, found.text, z.unknown());
      const fields = (fm.yaml && !fm.yaml.doc.errors.length ? fm.yaml.doc.toJS() : {}) as Record<string, unknown>;
      const at = (key: string) => (fm.yaml ? locate(fm.yaml, [key]) : { line: 1, column: 1 });
      return { slug, facts: found, fields: fields ?? {}, at };
    }),
  );
  return docs.flatMap((d) => (d ? [d] : []));
}
