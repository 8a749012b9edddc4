import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledLesson } from '../schema/lesson.ts';
import { type CompileResult, compileLesson, type RenderOptions } from './markdown.ts';
import type { Problem } from './problems.ts';

export interface LoadedCourse {
  lessons: CompiledLesson[];
  results: CompileResult[];
  problems: Problem[];
}

/** Where content lives: `SECRETS_LAB_CONTENT` (used by tests on a copy), else `./content`. */
export function contentDir(root = process.cwd()): string {
  return path.resolve(root, process.env.SECRETS_LAB_CONTENT ?? 'content');
}

/**
 * Reads and compiles every `lessons/*.md` under a content folder, sorted by `order`, and checks what
 * only the whole course can check: unique `order`, and links that resolve to a lesson and heading.
 */
export async function loadLessons(
  dir: string,
  root = process.cwd(),
  options: RenderOptions = {},
): Promise<LoadedCourse> {
  const lessonsDir = path.join(dir, 'lessons');
  const names = (await readdir(lessonsDir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort();
  const results = await Promise.all(
    names.map(async (name) => {
      const file = path.relative(root, path.join(lessonsDir, name)).split(path.sep).join('/');
      return compileLesson(file, await readFile(path.join(lessonsDir, name), 'utf8'), options);
    }),
  );
  const problems = results.flatMap((r) => r.problems);
  const lessons = results.flatMap((r) => (r.lesson ? [r.lesson] : [])).sort((a, b) => a.order - b.order);

  const byOrder = new Map<number, CompiledLesson>();
  for (const result of results) {
    const lesson = result.lesson;
    if (!lesson) continue;
    const other = byOrder.get(lesson.order);
    if (other)
      problems.push({
        file: lesson.file,
        line: result.keyLines.order ?? 1,
        column: 1,
        message: `order: ${lesson.order} is already used by ${other.file}`,
      });
    byOrder.set(lesson.order, lesson);
  }
  // Every file's links are checked, a file with broken frontmatter too: each problem shows at once.
  const bySlug = new Map(results.map((r) => [r.slug, r]));
  for (const result of results) {
    for (const link of result.links) {
      const target = bySlug.get(link.slug);
      const where = { file: result.file, line: link.line, column: 1 };
      if (!target) problems.push({ ...where, message: `Link to "${link.slug}.md": no such lesson` });
      else if (link.anchor && !target.headings.some((h) => h.id === link.anchor)) {
        problems.push({
          ...where,
          message: `Link to "${link.slug}.md#${link.anchor}": no heading with that anchor (headings: ${target.headings.map((h) => h.id).join(', ')})`,
        });
      }
    }
  }
  return { lessons, results, problems };
}
