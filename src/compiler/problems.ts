import { type Document, isNode, LineCounter, parseDocument } from 'yaml';

/** One thing wrong with a content file, located as `file:line:column  message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.message}`;
}

/** Problems in file and line order, each once. */
export function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => `${p.file}:${p.line}:${p.column}  ${p.message}`;
  const unique = [...new Map(problems.map((p) => [key(p), p])).values()];
  return unique.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** Thrown where content must be valid to go on (the build, the dev server): carries every problem. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** A parsed YAML text with what is needed to turn a field path back into a line and column. */
export interface LocatedYaml {
  doc: Document;
  lines: LineCounter;
  /** Lines before the YAML text in its file (the `---` of frontmatter), added to every position. */
  lineOffset: number;
  /** The YAML text itself (messages quote the author's line). */
  text: string;
}

export function parseLocatedYaml(text: string, lineOffset = 0): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines, lineOffset, text };
}

/** Position of the deepest node that exists along `path` (the key of a missing field is its parent). */
export function locate(y: LocatedYaml, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = y.doc.contents;
  let range = y.doc.contents?.range;
  for (const key of path) {
    if (!isNode(node) || !('items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    const next =
      typeof key === 'number'
        ? items[key]
        : items.find(
            (item) =>
              isNode((item as { key?: unknown }).key) && (item as { key: { value?: unknown } }).key.value === key,
          );
    if (next === undefined) break;
    const pair = next as { key?: { range?: [number, number, number] }; value?: unknown };
    if ('value' in pair && pair.key) {
      range = pair.key.range ?? range;
      node = pair.value;
    } else {
      node = next;
      range = (next as { range?: [number, number, number] }).range ?? range;
    }
  }
  const pos = y.lines.linePos(range?.[0] ?? 0);
  return { line: pos.line + y.lineOffset, column: pos.col };
}
