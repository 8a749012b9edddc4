import type { Blockquote, Code, Paragraph, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** The callout markers authors may start a blockquote with, and their titles. */
export const CALLOUTS = {
  EXAM: 'Exam tip',
  TIP: 'Tip',
  NOTE: 'Note',
  WARNING: 'Warning',
  CURRENT: 'Current AWS behaviour',
} as const;

/**
 * `> [!EXAM]` blockquotes become `<aside class="callout callout-exam">` with a title line.
 * An unknown marker is left as a plain quote (the content checker reports it).
 */
export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const text = first.children[0];
      if (text?.type !== 'text') return;
      const m = text.value.match(/^\[!([A-Z]+)\][ \t]*\n?/);
      const kind = m?.[1] as keyof typeof CALLOUTS | undefined;
      if (!m || !kind || !(kind in CALLOUTS)) return;
      text.value = text.value.slice(m[0].length);
      if (text.value === '' && first.children.length === 1) node.children.shift();
      const title: Paragraph = {
        type: 'paragraph',
        data: { hProperties: { className: ['callout-title'] } },
        children: [{ type: 'text', value: CALLOUTS[kind] } as Text],
      };
      node.children.unshift(title);
      node.data = {
        ...node.data,
        hName: 'aside',
        hProperties: {
          className: ['callout', `callout-${kind.toLowerCase()}`],
          role: 'note',
          'aria-label': CALLOUTS[kind],
        },
      };
    });
  };
}

/**
 * ```mermaid blocks become placeholders that the page renders lazily: the source stays inside a
 * <pre> so the page reads sensibly before (or without) mermaid.
 */
export function remarkMermaid(options: { onDiagram: (source: string, line: number) => void }) {
  return (tree: Root) => {
    let index = 0;
    visit(tree, 'code', (node: Code, i, parent) => {
      if (node.lang !== 'mermaid' || !parent || i === undefined) return;
      options.onDiagram(node.value, node.position?.start.line ?? 0);
      // A node type of our own: remark-rehype's fallback makes an element of it from `data`,
      // where a `code` node would always be wrapped in <pre><code>.
      const figure = { type: 'mermaidDiagram', position: node.position } as unknown as Code;
      parent.children[i] = figure;
      figure.data = {
        hName: 'figure',
        hProperties: { className: ['mermaid-diagram'], 'data-diagram': String(index++) },
        hChildren: [
          {
            type: 'element',
            tagName: 'pre',
            properties: { className: ['mermaid-source'] },
            children: [{ type: 'text', value: node.value }],
          },
        ],
      };
    });
  };
}
