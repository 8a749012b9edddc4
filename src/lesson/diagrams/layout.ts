/**
 * How big a diagram is drawn in the page, and which drawing of it fits best. Pure functions: they
 * read numbers recorded on the SVG when it was drawn (mermaid.ts), never the DOM.
 *
 * The rule: the smallest label is never shown below READABLE_PX. A diagram narrower than the
 * column is shown at its natural size; a wider one shrinks to the column only as far as that
 * rule allows, and scrolls sideways beyond that. A flowchart that would scroll is also drawn in
 * the other direction (left-to-right ↔ top-to-bottom), and the drawing that fits better wins.
 */
export const READABLE_PX = 12;

export interface Drawing {
  svg: string;
  /** Natural size (the viewBox), in CSS px at scale 1. */
  width: number;
  height: number;
  /** The smallest label's font size at scale 1, in px. */
  smallestLabel: number;
}

/** Reads the numbers mermaid.ts recorded on a drawn SVG (the viewBox and data-smallest-label). */
export function drawingOf(svg: string): Drawing | undefined {
  const root = svg.slice(0, svg.indexOf('>') + 1);
  const box = root.match(/viewBox="([-\d.e]+)[ ,]+([-\d.e]+)[ ,]+([\d.e]+)[ ,]+([\d.e]+)"/);
  const label = Number(root.match(/data-smallest-label="([\d.]+)"/)?.[1]);
  const width = Number(box?.[3]);
  const height = Number(box?.[4]);
  if (!(width > 0 && height > 0 && label > 0)) return undefined;
  return { svg, width, height, smallestLabel: label };
}

/** The lowest scale at which every label is still READABLE_PX (above 1 when labels are drawn smaller). */
export function readableScale(d: Drawing): number {
  return READABLE_PX / d.smallestLabel;
}

/** The scale a drawing is shown at in a column this wide: fitted, but never below readable. */
export function scaleIn(d: Drawing, column: number): number {
  const floor = readableScale(d);
  return Math.min(Math.max(column / d.width, floor), Math.max(1, floor));
}

/** How far (px) the drawing runs past the column at that scale; 0 when it fits. */
export function overflow(d: Drawing, column: number): number {
  return Math.max(0, d.width * scaleIn(d, column) - column);
}

/**
 * The drawing that reads best in a column this wide: the one that scrolls least (a pixel either
 * way is a tie), then the one with the larger labels; the author's own first on a tie.
 */
export function bestFit(drawings: readonly Drawing[], column: number): Drawing {
  let best = drawings[0];
  if (!best) throw new Error('no drawing to choose from');
  for (const d of drawings.slice(1)) {
    const less = overflow(best, column) - overflow(d, column);
    const larger = d.smallestLabel * scaleIn(d, column) - best.smallestLabel * scaleIn(best, column);
    if (less > 1 || (Math.abs(less) <= 1 && larger > 0.5)) best = d;
  }
  return best;
}

/** CSS sizes that keep the rule above at any column width, without script on resize. */
export function inlineSize(d: Drawing): { width: string; minWidth: string; maxWidth: string } {
  const floor = readableScale(d);
  const width = d.width * Math.max(1, floor);
  return {
    width: `${round(width)}px`,
    // min-width wins over max-width: the drawing shrinks with the column down to readable, then scrolls.
    minWidth: `${round(d.width * floor)}px`,
    maxWidth: floor >= 1 ? 'none' : '100%',
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

const HEADER = /^(\s*(?:graph|flowchart)\s+)(LR|RL|TB|TD|BT)\b/m;

/**
 * The same flowchart drawn the other way (left-to-right ↔ top-to-bottom), or undefined for a
 * diagram that has no direction to turn (sequence diagrams and the like).
 */
export function turned(source: string): string | undefined {
  const header = source.match(HEADER);
  if (!header) return undefined;
  const horizontal = header[2] === 'LR' || header[2] === 'RL';
  return source.replace(HEADER, `$1${horizontal ? 'TB' : 'LR'}`);
}
