import { isScalar, type Scalar, visit } from 'yaml';
import type { LocatedYaml, Problem } from './problems.ts';

/**
 * YAML syntax errors in the author's terms, at the line where the mistake is (not where the parser
 * gave up), each with the fix. The two mistakes authors make most: a quote that never closes (the
 * parser notices only at the end of the block) and a value containing ": " (which YAML reads as a
 * new name inside the value).
 */
export function yamlSyntaxProblems(file: string, y: LocatedYaml): Problem[] {
  return [...y.doc.errors, ...y.doc.warnings].map((e) => {
    const pos = e.pos[0];
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) {
      const open = openQuoteBefore(y, pos);
      const quote = open?.type === 'QUOTE_SINGLE' ? "'" : '"';
      const at = y.lines.linePos(open?.range?.[0] ?? pos);
      return {
        file,
        line: at.line + y.lineOffset,
        column: at.col,
        message: `YAML: the text that starts with ${quote} here never ends: close it with ${quote} (inside "…" write \\" for a quote, inside '…' write '')`,
      };
    }
    const at = y.lines.linePos(pos);
    const where = { file, line: at.line + y.lineOffset, column: at.col };
    const line = (y.text.split('\n')[at.line - 1] ?? '').trimEnd();
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY')
      return { ...where, message: `YAML: ${colonAdvice(line)}` };
    if (e.code === 'TAB_AS_INDENT') return { ...where, message: 'YAML: this line is indented with a tab: use spaces' };
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(line)?.[1];
      return { ...where, message: `YAML: ${key ? `\`${key}\`` : 'this name'} is given twice here: keep one` };
    }
    return { ...where, message: `YAML: ${e.message.split('\n')[0]}` };
  });
}

/** The advice for a value that contains ": ", with the line quoted as it should be. */
function colonAdvice(line: string): string {
  const m = /^(\s*(?:-\s+)?[^:]+:\s+)(.*)$/.exec(line);
  const fixed = m ? `${m[1]}"${(m[2] ?? '').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : undefined;
  return `the value contains ": ", which YAML reads as the start of another name: put the whole value in double quotes${fixed ? `, like this: ${fixed.trim()}` : ''}`;
}

/** The quoted scalar that the unclosed quote opened: the last one that starts before `pos`. */
function openQuoteBefore(y: LocatedYaml, pos: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(y.doc, {
    Scalar(_, node) {
      const start = node.range?.[0];
      if (
        isScalar(node) &&
        (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
        start !== undefined &&
        start < pos &&
        (found?.range?.[0] ?? -1) < start
      )
        found = node;
    },
  });
  return found;
}
