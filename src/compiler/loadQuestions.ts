import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { questionFieldsSchema, questionSchema } from '../schema/question.ts';
import type { Question } from '../schema/questionTypes.ts';
import { fieldName, fieldProblems } from './fieldProblems.ts';
import { type LocatedYaml, locate, type Problem, parseLocatedYaml } from './problems.ts';
import { refusedUrls } from './safeUrls.ts';
import { yamlSyntaxProblems } from './yamlProblems.ts';

export interface QuestionFile {
  file: string;
  text: string;
}

export interface ParsedQuestions {
  questions: Question[];
  problems: Problem[];
}

/** Parses one quiz file: every problem is reported at the line of its field, all at once. */
export function parseQuestionFile(file: string, text: string): ParsedQuestions {
  return checkQuestionFiles([{ file, text }]);
}

/** Parses quiz files together, so that an id used in two files is reported too. */
export function checkQuestionFiles(files: readonly QuestionFile[]): ParsedQuestions {
  const questions: Question[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of files) {
    const y = parseLocatedYaml(text);
    const syntax = yamlSyntaxProblems(file, y);
    if (syntax.length) {
      problems.push(...syntax);
      continue;
    }
    const items: unknown = y.doc.toJS();
    if (!Array.isArray(items)) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: 'a quiz file is a YAML list of questions, each starting with "- id:"',
      });
      continue;
    }
    items.forEach((item, index) => {
      const label = questionLabel(item, index);
      const result = questionSchema.safeParse(item);
      if (!result.success)
        problems.push(
          ...fieldProblems(file, y, result.error, { schema: questionFieldsSchema, prefix: [index], label }),
        );
      problems.push(...linkProblems(file, y, index, label, item));
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const here = `${file}:${locate(y, [index, 'id']).line}`;
      const first = seen.get(id);
      if (first)
        problems.push({
          file,
          ...locate(y, [index, 'id']),
          message: `${label}: duplicate id "${id}" (first used at ${first})`,
        });
      else seen.set(id, here);
      if (result.success && !first) questions.push(result.data);
    });
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { questions, problems };
}

function questionLabel(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `question "${id}"` : `question #${index + 1}`;
}

/** Reads and validates every `quiz/*.yaml` under a content folder, in file-name order. */
export async function loadQuestions(dir: string, root = process.cwd()): Promise<ParsedQuestions> {
  const quizDir = path.join(dir, 'quiz');
  const names = (await readdir(quizDir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
  const files = await Promise.all(
    names.map(async (name) => ({
      file: path.relative(root, path.join(quizDir, name)).split(path.sep).join('/'),
      text: await readFile(path.join(quizDir, name), 'utf8'),
    })),
  );
  return checkQuestionFiles(files);
}

/** Links and images in a question's markdown (stem, note, option texts and explanations) whose address is refused. */
function linkProblems(file: string, y: LocatedYaml, index: number, label: string, item: unknown): Problem[] {
  const q = (item ?? {}) as { stem?: unknown; note?: unknown; options?: unknown };
  const fields: [PropertyKey[], unknown][] = [
    [['stem'], q.stem],
    [['note'], q.note],
    ...(Array.isArray(q.options) ? q.options : []).flatMap((o: { text?: unknown; explanation?: unknown } | null, i) => [
      [['options', i, 'text'], o?.text] as [PropertyKey[], unknown],
      [['options', i, 'explanation'], o?.explanation] as [PropertyKey[], unknown],
    ]),
  ];
  return fields.flatMap(([path, value]) =>
    typeof value === 'string'
      ? refusedUrls(value).map((r) => ({
          file,
          ...locate(y, [index, ...path]),
          message: `${label}: ${fieldName(path)}: ${r.message}`,
        }))
      : [],
  );
}
