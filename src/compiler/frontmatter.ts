import type { z } from 'zod';
import { fieldProblems } from './fieldProblems.ts';
import { type LocatedYaml, type Problem, parseLocatedYaml } from './problems.ts';
import { yamlSyntaxProblems } from './yamlProblems.ts';

export interface SplitFrontmatter {
  yaml: LocatedYaml | undefined;
  /** The markdown after the closing `---`. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

/** Splits `---\nyaml\n---\nbody`. A file without frontmatter has `yaml` undefined. */
export function splitFrontmatter(text: string): SplitFrontmatter {
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/);
  if (!m) return { yaml: undefined, body: text, bodyLine: 1 };
  const yamlText = m[1] ?? '';
  const bodyLine = m[0].split('\n').length;
  return { yaml: parseLocatedYaml(yamlText, 1), body: text.slice(m[0].length), bodyLine };
}

/** Validates frontmatter against a schema; every problem is located at its key's line. */
export function readFrontmatter<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): {
  data: z.infer<S> | undefined;
  yaml: LocatedYaml | undefined;
  body: string;
  bodyLine: number;
  problems: Problem[];
} {
  const { yaml, body, bodyLine } = splitFrontmatter(text);
  if (!yaml) {
    return {
      data: undefined,
      yaml,
      body,
      bodyLine,
      problems: [{ file, line: 1, column: 1, message: 'Missing frontmatter: the file must start with a --- block' }],
    };
  }
  const syntax = yamlSyntaxProblems(file, yaml);
  if (syntax.length) return { data: undefined, yaml, body, bodyLine, problems: syntax };
  const result = schema.safeParse(yaml.doc.toJS());
  if (!result.success)
    return { data: undefined, yaml, body, bodyLine, problems: fieldProblems(file, yaml, result.error, { schema }) };
  return { data: result.data, yaml, body, bodyLine, problems: [] };
}
