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
 * True when the author's drawing scrolls in a column this wide and a turned drawing could do better
 * (a figure not laid out, with no width, keeps the author's).
 */
const wantsTurned = (source: string, own: Drawing, column: number) =>
  turned(source) !== undefined && column > 0 && overflow(own, column) > 1;

/**
 * Shows every figure whose drawings are in memory; returns the figures still to draw. The columns
 * are all read first, then the drawings placed: one layout of the page, however many figures.
 */
export function showKept(figures: HTMLElement[], dark: boolean): HTMLElement[] {
  const found = figures.map((figure) => {
    const source = sourceOf(figure);
    const own = kept(source, dark);
    return { figure, source, own, other: own && kept(turned(source), dark) };
  });
  const columns = found.map(({ figure, own }) => (own ? columnOf(figure) : 0));
  return found
    .filter(({ figure, source, own, other }, i) => {
      if (!own) return true;
      const column = columns[i] ?? 0;
      showDrawings(figure, other ? [own, other] : [own], column);
      figure.toggleAttribute('data-from-cache', true);
      return !other && wantsTurned(source, own, column);
    })
    .map(({ figure }) => figure);
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
  if (other !== undefined && wantsTurned(source, own, columnOf(figure))) {
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

/** The sources of a lesson's diagrams, in its HTML. */
export function sourcesOf(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.querySelectorAll('figure.mermaid-diagram .mermaid-source')].map(
    (pre) => pre.textContent ?? '',
  );
}

/** The cache keys a lesson's diagrams may be kept under (each source, and its turned flowchart). */
export function keysOf(html: string, dark: boolean): string[] {
  return sourcesOf(html).flatMap((source) => {
    const other = turned(source);
    return other === undefined ? [diagramKey(source, dark)] : [diagramKey(source, dark), diagramKey(other, dark)];
  });
}

/**
 * Makes a lesson's diagrams ready before it is shown: each drawn (or read from the store), and a
 * flowchart also turned when the author's drawing would scroll in a column this wide. Waits for
 * `turn()` before each drawing (an idle moment) and stops when it resolves false.
 */
export async function prepareDiagrams(
  html: string,
  dark: boolean,
  column: () => number,
  turn: () => Promise<boolean>,
): Promise<void> {
  for (const source of sourcesOf(html)) {
    let own = kept(source, dark);
    if (!own) {
      if (!(await turn())) return;
      const result = await renderDiagram(source, dark);
      own = result.svg ? drawingOf(result.svg) : undefined;
    }
    const other = turned(source);
    if (!own || other === undefined || kept(other, dark) || !wantsTurned(source, own, column())) continue;
    if (!(await turn())) return;
    await renderDiagram(other, dark);
  }
}

/** How long the lesson's text may wait for kept diagrams: a slow store never holds the text back. */
const KEPT_WAIT_MS = 150;

/** Reads the lesson's kept drawings into memory (waiting at most KEPT_WAIT_MS). */
export async function readKeptFor(html: string, dark: boolean): Promise<void> {
  const keys = keysOf(html, dark);
  if (!keys.length) return;
  await Promise.race([readKept(keys), new Promise((resolve) => setTimeout(resolve, KEPT_WAIT_MS))]);
}
