import { diagramKey, keptNow, readKept } from './cache';
import { columnOf, showDrawings, showError } from './figure';
import { type Drawing, drawingOf, overflow, turned } from './layout';
import { renderDiagram } from './mermaid';

/**
 * Puts a lesson's diagrams on the page. Two steps, so kept drawings are in the first paint:
 * `showKept` runs synchronously (before the browser paints) with whatever is already in memory;
 * `drawRest` reads or draws what is missing. A flowchart that would scroll in its column is also
 * drawn the other way round, and the one that fits better is shown (see layout.ts). A figure
 * shown entirely from kept drawings carries `data-from-cache`.
 */
export function sourceOf(figure: HTMLElement): string {
  figure.dataset.source ??= figure.querySelector('.mermaid-source')?.textContent ?? '';
  return figure.dataset.source;
}

const kept = (source: string | undefined, dark: boolean): Drawing | undefined => {
  const svg = source === undefined ? undefined : keptNow(diagramKey(source, dark));
  return svg ? drawingOf(svg) : undefined;
};

/**
 * True when the author's drawing scrolls in this figure and a turned drawing could do better (a
 * figure not laid out, with no width, keeps the author's).
 */
const wantsTurned = (figure: HTMLElement, own: Drawing) => {
  const column = columnOf(figure);
  return turned(sourceOf(figure)) !== undefined && column > 0 && overflow(own, column) > 1;
};

/** Shows every figure whose drawings are in memory; returns the figures still to draw. */
export function showKept(figures: HTMLElement[], dark: boolean): HTMLElement[] {
  return figures.filter((figure) => {
    const source = sourceOf(figure);
    const own = kept(source, dark);
    if (!own) return true;
    const other = kept(turned(source), dark);
    showDrawings(figure, other ? [own, other] : [own]);
    figure.toggleAttribute('data-from-cache', true);
    return !other && wantsTurned(figure, own);
  });
}

/** Draws what `showKept` could not show; resolves to whether every figure got a drawing. */
export async function drawRest(figures: HTMLElement[], dark: boolean, cancelled: () => boolean): Promise<boolean> {
  const results = await Promise.all(
    figures.map(async (figure) => {
      figure.setAttribute('aria-busy', 'true');
      try {
        return await drawFigure(figure, dark, cancelled);
      } finally {
        figure.removeAttribute('aria-busy');
      }
    }),
  );
  return results.every(Boolean);
}

async function drawFigure(figure: HTMLElement, dark: boolean, cancelled: () => boolean): Promise<boolean> {
  const source = sourceOf(figure);
  let own = kept(source, dark);
  let fromCache = true;
  if (!own) {
    const result = await renderDiagram(source, dark);
    if (cancelled()) return false;
    fromCache = Boolean(result.cached);
    own = result.svg ? drawingOf(result.svg) : undefined;
    if (!own) {
      showError(figure, result.error ?? 'The drawing has no size', source);
      return false;
    }
  }
  const other = turned(source);
  if (other !== undefined && wantsTurned(figure, own)) {
    // Drawn before the first show, so the page does not swap one drawing for another.
    const result = await renderDiagram(other, dark);
    if (cancelled()) return false;
    const alt = result.svg ? drawingOf(result.svg) : undefined;
    showDrawings(figure, alt ? [own, alt] : [own]);
    figure.toggleAttribute('data-from-cache', fromCache && Boolean(result.cached));
    return true;
  }
  showDrawings(figure, [own]);
  figure.toggleAttribute('data-from-cache', fromCache);
  return true;
}

/** The cache keys a lesson's diagrams may be kept under (each source, and its turned flowchart). */
export function keysOf(html: string, dark: boolean): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const keys: string[] = [];
  for (const pre of template.content.querySelectorAll('figure.mermaid-diagram .mermaid-source')) {
    const source = pre.textContent ?? '';
    keys.push(diagramKey(source, dark));
    const other = turned(source);
    if (other !== undefined) keys.push(diagramKey(other, dark));
  }
  return keys;
}

/** How long the lesson's text may wait for kept diagrams: a slow store never holds the text back. */
const KEPT_WAIT_MS = 150;

/** Reads the lesson's kept drawings into memory (waiting at most KEPT_WAIT_MS). */
export async function readKeptFor(html: string, dark: boolean): Promise<void> {
  const keys = keysOf(html, dark);
  if (!keys.length) return;
  await Promise.race([readKept(keys), new Promise((resolve) => setTimeout(resolve, KEPT_WAIT_MS))]);
}
