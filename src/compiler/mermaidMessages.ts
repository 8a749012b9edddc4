import { closest } from './fieldProblems.ts';

/**
 * mermaid's parse errors in an author's words. Its parsers speak in grammar tokens (`expected 'SQE',
 * 'DOUBLECIRCLEEND', …, got 'SQS'`); an author needs the line they wrote, what mermaid found there,
 * what it expected instead (as characters to type), and where the syntax is documented.
 */
const TOKENS: Record<string, string> = {
  SQE: ']',
  SQS: '[',
  PE: ')',
  PS: '(',
  DIAMOND_START: '{',
  DIAMOND_STOP: '}',
  DOUBLECIRCLEEND: ')))',
  STADIUMEND: '])',
  SUBROUTINEEND: ']]',
  CYLINDEREND: ')]',
  TRAPEND: '/]',
  INVTRAPEND: '\\]',
  TAGEND: '>',
  PIPE: '|',
  COLON: ':',
  AMP: '&',
  SEMI: ';',
  TESTSTR: 'text',
  STR: '"quoted text"',
  MD_STR: '"`markdown text`"',
  NODE_STRING: 'a node name',
  ID: 'a name',
  ACTOR: 'a participant name',
  TXT: '": " and the message text',
  LINK: '-->',
  ARROW: '-->',
  START_LINK: '--',
  SOLID_ARROW: '->>',
  DOTTED_ARROW: '-->>',
  SOLID_OPEN_ARROW: '->',
  DOTTED_OPEN_ARROW: '-->',
  SOLID_CROSS: '-x',
  DOTTED_CROSS: '--x',
  SOLID_POINT: '-)',
  DOTTED_POINT: '--)',
  EDGE_STATE: 'a state',
  NUMBER_PIE: 'a number',
  NEWLINE: 'the end of the line',
  NL: 'the end of the line',
  EOF: 'the end of the diagram',
};

/** The diagram types mermaid knows, with the page that documents each. */
const DOCS: Record<string, string> = {
  flowchart: 'flowchart',
  graph: 'flowchart',
  sequenceDiagram: 'sequenceDiagram',
  classDiagram: 'classDiagram',
  stateDiagram: 'stateDiagram',
  'stateDiagram-v2': 'stateDiagram',
  erDiagram: 'entityRelationshipDiagram',
  gantt: 'gantt',
  pie: 'pie',
  journey: 'userJourney',
  timeline: 'timeline',
  mindmap: 'mindmap',
  gitGraph: 'gitgraph',
  quadrantChart: 'quadrantChart',
  xychart: 'xyChart',
  'xychart-beta': 'xyChart',
  block: 'block',
  'block-beta': 'block',
  architecture: 'architecture',
  'architecture-beta': 'architecture',
  packet: 'packet',
  'packet-beta': 'packet',
  sankey: 'sankey',
  'sankey-beta': 'sankey',
  requirementDiagram: 'requirementDiagram',
  kanban: 'kanban',
  radar: 'radar',
  'radar-beta': 'radar',
  treemap: 'treemap',
  'treemap-beta': 'treemap',
  C4Context: 'c4',
};

const word = (token: unknown) => TOKENS[String(token).replace(/^'|'$/g, '')];
const quoted = (text: string) => (text.startsWith('"') || /^(a |the |text)/.test(text) ? text : `"${text}"`);

/** One sentence for a parse error at `line` (1-based, in the diagram) of `source`. */
export function describeMermaidError(source: string, line: number, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first =
    source
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const type = first.split(/\s+/)[0] ?? '';
  if (/No diagram type detected/i.test(message)) {
    const meant = closest(type, Object.keys(DOCS));
    return `The first line "${first}" names no diagram type mermaid knows${meant ? `: did you mean "${meant}"?` : ''} Start with flowchart, sequenceDiagram, stateDiagram-v2, classDiagram, erDiagram… (https://mermaid.js.org/intro/)`;
  }
  const text = (source.split('\n')[line - 1] ?? '').trim();
  const where = `Diagram line ${line} "${text}"`;
  const docs = DOCS[type] ? ` (syntax: https://mermaid.js.org/syntax/${DOCS[type]}.html)` : '';
  const hash = (error as { hash?: { token?: string; text?: string; expected?: string[] } } | null)?.hash;
  if (hash?.expected) {
    const expected = [
      ...new Set(hash.expected.map((t) => word(t) ?? t.replace(/^'|'$/g, '')).filter((t) => !/^[A-Z_]+$/.test(t))),
    ];
    const got = word(hash.token) ?? (hash.text?.trim() ? `"${hash.text}"` : 'the end of the line');
    const wanted = expected.length
      ? `mermaid expects ${expected.length > 1 ? 'one of ' : ''}${expected.slice(0, 6).map(quoted).join(', ')}${expected.length > 6 ? '…' : ''}`
      : 'mermaid expects something else';
    return `${where}: ${wanted}, but finds ${quoted(got)}${docs}`;
  }
  const lexical = /Lexical error on line \d+\. Unrecognized text/.test(message);
  if (lexical) return `${where}: mermaid does not recognise this text; check the arrows and brackets${docs}`;
  // Langium's parsers (pie, gitGraph…): "unexpected character: ->x<-", "Expecting token of type 'NUMBER_PIE' but found `x`".
  const unexpected = /unexpected character: ->(.+?)<-/.exec(message)?.[1];
  const expecting = /Expecting token of type '([^']+)' but found `([^`]*)`/.exec(message);
  const wants = expecting?.[1] ? quoted(word(expecting[1]) ?? expecting[1]) : undefined;
  if (unexpected)
    return `${where}: mermaid does not recognise "${unexpected}"${wants ? `; it expects ${wants}` : ''}${docs}`;
  if (wants) {
    const found = expecting?.[2]?.trim() ? `"${expecting[2]}"` : 'the end of the line';
    return `${where}: mermaid expects ${wants}, but finds ${found}${docs}`;
  }
  return `${where}: ${message.split('\n')[0]}${docs}`;
}
