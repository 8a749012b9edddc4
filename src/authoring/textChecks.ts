import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompileResult } from '../compiler/markdown.ts';
import type { Problem } from '../compiler/problems.ts';
import { CODE_LANGUAGES } from '../compiler/rehypePlugins.ts';
import { CALLOUTS } from '../compiler/remarkPlugins.ts';
import { fieldTableProblems } from './fieldTables.ts';
import { PLACEHOLDER, placeholderText } from './scaffold.ts';

/** A markdown file's parts that cross-file checks need. */
export interface MarkdownFacts {
  file: string;
  links: { slug: string; anchor: string | undefined; line: number }[];
  diagrams: { source: string; line: number }[];
  code: CompileResult['code'];
  text: string;
}

const relative = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');
const list = (dir: string) => readdir(dir, { withFileTypes: true }).catch(() => []);

/** Unknown callout markers (they would show as a plain quote) and code tagged with an unknown language. */
export function markdownProblems(m: MarkdownFacts): Problem[] {
  const problems: Problem[] = [];
  let fence: string | undefined;
  m.text.split('\n').forEach((line, i) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (!fence || f.startsWith(fence))) fence = fence ? undefined : f;
    const callout = fence ? undefined : /^>\s*\[!([A-Za-z]+)\]/.exec(line);
    if (callout?.[1] && !(callout[1] in CALLOUTS)) {
      problems.push({
        file: m.file,
        line: i + 1,
        column: line.indexOf('[!') + 1,
        message: `Unknown callout [!${callout[1]}]: use one of ${Object.keys(CALLOUTS)
          .map((k) => `[!${k}]`)
          .join(', ')}`,
      });
    }
  });
  for (const c of m.code) {
    if (c.lang && !(c.lang in CODE_LANGUAGES)) {
      problems.push({
        file: m.file,
        line: c.line,
        column: 1,
        severity: 'warning',
        message: `Code block language "${c.lang}" is not highlighted: use one of ${Object.keys(CODE_LANGUAGES).join(', ')}`,
      });
    }
  }
  return problems;
}

/** Every `TODO(author)` left by `npm run new`, in any file of the content folder. */
export async function placeholderProblems(dir: string, root: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await list(folder)) {
      const abs = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else if (/\.(md|ya?ml|ts)$/.test(entry.name)) {
        (await readFile(abs, 'utf8')).split('\n').forEach((line, i) => {
          const what = placeholderText(line);
          if (what === undefined) return;
          problems.push({
            file: relative(root, abs),
            line: i + 1,
            column: line.indexOf(PLACEHOLDER) + 1,
            message: `Placeholder from "npm run new": ${what || 'replace it'}`,
          });
        });
      }
    }
  };
  for (const folder of ['lessons', 'quiz', 'exercises']) await walk(path.join(dir, folder));
  return problems;
}

export async function readmeProblems(dir: string, root: string): Promise<Problem[]> {
  const abs = path.join(dir, 'README.md');
  const text = await readFile(abs, 'utf8').catch(() => undefined);
  return text === undefined ? [] : fieldTableProblems(relative(root, abs), text);
}
