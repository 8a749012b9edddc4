import type { Element, ElementContent, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { HighlighterGeneric } from 'shiki';
import { visit } from 'unist-util-visit';
import type { LessonHeading } from '../schema/lesson.ts';
import { classifyUrl } from './safeUrls.ts';

type Highlighter = HighlighterGeneric<string, string>;

/** Languages a code block may be tagged with (aliases map to a grammar). */
export const CODE_LANGUAGES: Record<string, string> = {
  ts: 'typescript',
  typescript: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  python: 'python',
  py: 'python',
  text: 'text',
  txt: 'text',
};

const LABELS: Record<string, string> = {
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  bash: 'Shell',
  json: 'JSON',
  yaml: 'YAML',
  python: 'Python',
  text: 'Text',
};

/**
 * Highlights fenced code at build time (no highlighter ships to the browser) and wraps each block
 * with a language label and a copy button (wired by the page with one delegated listener).
 */
export function rehypeCode(options: { highlighter: Highlighter; transformers: unknown[] }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children[0];
      if (code?.type !== 'element' || code.tagName !== 'code') return;
      const cls = (code.properties.className as string[] | undefined) ?? [];
      const tag = cls.find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? 'text';
      const lang = CODE_LANGUAGES[tag] ?? 'text';
      const source = hastToString(code).replace(/\n$/, '');
      const highlighted = options.highlighter.codeToHast(source, {
        lang,
        // High-contrast variants: the default GitHub themes miss WCAG AA for some tokens on our code background.
        themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
        defaultColor: false,
        transformers: options.transformers as never,
      });
      const pre = highlighted.children[0] as Element;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'], dataLang: lang },
        children: [
          {
            type: 'element',
            tagName: 'div',
            properties: { className: ['code-toolbar'] },
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { className: ['code-lang'] },
                children: [{ type: 'text', value: LABELS[lang] ?? lang }],
              },
              {
                type: 'element',
                tagName: 'button',
                properties: {
                  type: 'button',
                  className: ['copy-button'],
                  ariaLabel: `Copy ${LABELS[lang] ?? ''} code`,
                },
                children: [{ type: 'text', value: 'Copy' }],
              },
            ],
          },
          pre,
        ],
      };
      parent.children[index] = wrapper as ElementContent;
    });
  };
}

const isExternal = (href: string) => {
  const verdict = classifyUrl(href);
  return 'kind' in verdict && verdict.kind === 'external';
};

/**
 * Links to sibling lesson files (`./rotation.md#the-four-steps`) become app routes; links to another
 * host (`https://…`, `//host/…`) open in a new tab without access to this page.
 */
export function rehypeLessonLinks(options: {
  /** The app's base path, "/" or "/secrets-lab/": links into the app start with it. */
  base: string;
  onLink: (target: string, anchor: string | undefined, line: number) => void;
}) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = String(node.properties.href ?? '');
      const m = href.match(/^(?:\.\/)?([a-z0-9-]+)\.md(?:#([\w-]+))?$/);
      if (m?.[1]) {
        options.onLink(m[1], m[2], node.position?.start.line ?? 0);
        node.properties.href = `${options.base}lessons/${m[1]}${m[2] ? `#${m[2]}` : ''}`;
      } else if (/^\/(?!\/)/.test(href)) {
        // An author's path from the app's root ("/lab") is under the base wherever the app is hosted.
        node.properties.href = `${options.base}${href.slice(1)}`;
      } else if (isExternal(href)) {
        node.properties.target = '_blank';
        node.properties.rel = ['noopener', 'noreferrer'];
      }
    });
  };
}

/**
 * Collects h2/h3 (id set by rehype-slug) for the outline, adds a visible "#" anchor link to each,
 * and splits the text into sections for the search index.
 */
export function rehypeHeadings(options: {
  headings: LessonHeading[];
  sections: { anchor: string; heading: string; text: string }[];
}) {
  return (tree: Root) => {
    let current = { anchor: '', heading: '', text: '' };
    options.sections.push(current);
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const depth = /^h([2-3])$/.exec(node.tagName)?.[1];
      if (depth && typeof node.properties.id === 'string') {
        const text = hastToString(node);
        options.headings.push({ depth: Number(depth), id: node.properties.id, text });
        node.children.push({
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-anchor'], href: `#${node.properties.id}`, ariaLabel: `Link to ${text}` },
          children: [{ type: 'text', value: '#' }],
        });
        current = { anchor: node.properties.id, heading: text, text: '' };
        options.sections.push(current);
      } else if (!(node.properties.className as string[] | undefined)?.includes('mermaid-diagram')) {
        current.text += ` ${hastToString(node)}`;
      }
    }
  };
}
