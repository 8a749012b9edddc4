import type { Definition, Image, ImageReference, Link, LinkReference, Parent, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Where content may point. A link or image in a lesson, an exercise or a question is a web address
 * (http, https), an email address (mailto), a path relative to the course, or a #heading. Anything
 * else (javascript:, data:, vbscript:, file:...) is refused at build time: an allowlist of schemes,
 * decided by the WHATWG URL parser the browser itself uses, so no spelling (`JaVaScRiPt:`, a
 * leading space, an entity) slips past a pattern.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Any https origin serves: relative links resolve to it, and `//host/...` to another host. */
const COURSE = new URL('https://course.invalid/lessons/here');

export type UrlKind = 'internal' | 'external' | 'mail';

/** What a content URL is, or why it is refused (in the author's terms). */
export function classifyUrl(url: string): { kind: UrlKind } | { refused: string } {
  let parsed: URL;
  try {
    parsed = new URL(url, COURSE);
  } catch {
    return { refused: 'it is not a valid address' };
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol))
    return {
      refused: `a "${parsed.protocol}" address never belongs in a course: use https://…, mailto:…, a relative link or #heading`,
    };
  if (parsed.protocol === 'mailto:') return { kind: 'mail' };
  return { kind: parsed.origin === COURSE.origin ? 'internal' : 'external' };
}

/**
 * A remark plugin: every link, image and link definition whose URL is refused is reported (with its
 * line and column in the markdown) and removed from the output: a link keeps its text, an image its
 * alt text, and a reference to a refused definition becomes its text too.
 */
export function remarkSafeUrls(options: { onRefused: (message: string, line: number, column: number) => void }) {
  return (tree: Root) => {
    const refusedDefinitions = new Set<string>();
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return undefined;
      const target = node as Link | Image | Definition;
      const verdict = classifyUrl(target.url);
      if (!('refused' in verdict)) return undefined;
      const what = node.type === 'image' ? 'Image from' : 'Link to';
      const at = node.position?.start;
      options.onRefused(
        isAutolink(node)
          ? `"<${shorten(target.url)}>" is read as a link (text in <…> with a ":" is an address), and ${verdict.refused}; to show it as text, put it in backticks`
          : `${what} "${shorten(target.url)}" is refused: ${verdict.refused}`,
        at?.line ?? 1,
        at?.column ?? 1,
      );
      if (node.type === 'definition') refusedDefinitions.add((node as Definition).identifier);
      return replace(node as Link | Image | Definition, index, parent);
    });
    if (refusedDefinitions.size === 0) return;
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type !== 'linkReference' && node.type !== 'imageReference') return undefined;
      if (!refusedDefinitions.has((node as LinkReference | ImageReference).identifier)) return undefined;
      return replace(node as LinkReference | ImageReference, index, parent);
    });
  };
}

/** Takes a refused node out of the tree, keeping what a reader sees; returns where to go on visiting. */
function replace(
  node: Link | Image | Definition | LinkReference | ImageReference,
  index: number | undefined,
  parent: Parent | undefined,
): number | undefined {
  if (!parent || index === undefined) return undefined;
  const keep: PhrasingContent[] =
    node.type === 'link' || node.type === 'linkReference'
      ? node.children
      : node.type === 'definition'
        ? []
        : [{ type: 'text', value: node.alt ?? '' }];
  parent.children.splice(index, 1, ...(keep as Parent['children']));
  return index;
}

/** `<scheme:text>`: a link whose text is its address (an author who meant `Value<AWS::EC2::Image::Id>` as text). */
function isAutolink(node: { type: string; children?: unknown[]; url?: string }): boolean {
  const only = node.children?.length === 1 ? (node.children[0] as { type: string; value?: string }) : undefined;
  return node.type === 'link' && only?.type === 'text' && only.value === node.url;
}

const shorten = (url: string) => (url.length > 60 ? `${url.slice(0, 57)}…` : url);

/** A refused link or image: why, and where in its markdown text. */
export interface Refused {
  message: string;
  line: number;
  column: number;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The refused links and images of one markdown text (a question's stem, say), with their lines in it. */
export function refusedUrls(markdown: string): Refused[] {
  const found: Refused[] = [];
  remarkSafeUrls({ onRefused: (message, line, column) => found.push({ message, line, column }) })(
    parser.parse(markdown) as Root,
  );
  return found;
}
