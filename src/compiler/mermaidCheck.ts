import { describeMermaidError } from './mermaidMessages.ts';
import type { Problem } from './problems.ts';

/** A ```mermaid block: its source and the line of its opening fence in `file`. */
export interface DiagramBlock {
  file: string;
  line: number;
  source: string;
}

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | undefined;
let domWindow: Promise<DomWindow> | undefined;
type DomWindow = { document: unknown };
/** jsdom ships no types and only this file needs its constructor. */
const JSDOM_MODULE = 'jsdom';

/**
 * mermaid's `parse` needs a DOM at import time and while parsing (DOMPurify keeps the window it
 * saw first, so there is one per process), but nothing else in Node should see one: the globals
 * exist only for the duration of a check.
 */
async function withDom<T>(work: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  if (g.document !== undefined) return work();
  domWindow ??= import(JSDOM_MODULE).then(
    ({ JSDOM }: { JSDOM: new (html: string) => { window: DomWindow } }) =>
      new JSDOM('<!doctype html><html><body></body></html>').window,
  );
  const window = await domWindow;
  g.window = window;
  g.document = window.document;
  try {
    return await work();
  } finally {
    delete g.window;
    delete g.document;
  }
}

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    // The page draws with dagre (NOTES.md); the layout plays no part in parsing.
    mermaid.initialize({ startOnLoad: false, layout: 'dagre' });
    return mermaid;
  });
  return mermaidPromise;
}

/** Every diagram that does not parse, located at its offending line when mermaid says which. */
export async function checkDiagrams(diagrams: readonly DiagramBlock[]): Promise<Problem[]> {
  if (diagrams.length === 0) return [];
  return withDom(async () => {
    const mermaid = await loadMermaid();
    const problems: Problem[] = [];
    for (const d of diagrams) {
      try {
        await mermaid.parse(d.source);
      } catch (e) {
        const at = position(d, e);
        problems.push({
          file: d.file,
          line: d.line + at.line,
          column: at.column,
          message: describeMermaidError(d.source, at.line, e),
        });
      }
    }
    return problems;
  });
}

interface ParseErrorHash {
  line?: number;
  loc?: { first_line?: number; first_column?: number };
}

/**
 * Where in the diagram (1-based line and column) the error is: from jison's error hash, from a
 * Langium message ("line 2, column 8"), else the diagram's first line.
 */
function position(d: DiagramBlock, e: unknown): { line: number; column: number } {
  const hash = (e as { hash?: ParseErrorHash } | null)?.hash;
  const lines = d.source.split('\n').length;
  const langium = /line (\d+), column (\d+)/.exec(e instanceof Error ? e.message : '');
  const inDiagram = hash?.loc?.first_line ?? (hash?.line === undefined ? Number(langium?.[1] ?? 1) : hash.line + 1);
  const line = Math.min(Math.max(inDiagram, 1), lines);
  return { line, column: (hash?.loc?.first_column ?? Math.max(Number(langium?.[2] ?? 1) - 1, 0)) + 1 };
}
