import { bestFit, type Drawing, inlineSize, overflow } from './layout';

/**
 * A lesson's `<figure class="mermaid-diagram">` (compiled with its source inside) once drawn:
 *   <div class="diagram-frame" role="img" aria-label="Diagram: <title>">  the SVG, scrolling sideways
 *   <div class="diagram-bar"> a hint when it scrolls · the "Enlarge" button </div>
 * The drawings a figure has (the author's, and the turned one when that was drawn) are remembered
 * here, so a resize or the Enlarge dialog can choose among them without drawing again.
 */
const drawingsOf = new WeakMap<HTMLElement, Drawing[]>();
const shownOf = new WeakMap<HTMLElement, Drawing>();

export function figureDrawings(figure: HTMLElement): Drawing[] {
  return drawingsOf.get(figure) ?? [];
}

/** The width the diagram has inside its figure (the figure's content box). */
export function columnOf(figure: HTMLElement): number {
  const style = getComputedStyle(figure);
  return figure.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}

/**
 * Shows the drawing that fits the figure best (of those given), with its frame and bar. Pass the
 * column when it was read already (with other figures', before any of them changed the page): it
 * is the only thing this reads from the layout, so a caller can show many figures with a single
 * layout of the page instead of one per figure.
 */
export function showDrawings(figure: HTMLElement, drawings: Drawing[], column = columnOf(figure)): void {
  drawingsOf.set(figure, drawings);
  // A figure not laid out (no width) shows the author's drawing.
  const chosen = column > 0 ? bestFit(drawings, column) : (drawings[0] as Drawing);
  const frame = figure.querySelector<HTMLElement>(':scope > .diagram-frame') ?? document.createElement('div');
  if (shownOf.get(figure) !== chosen || !frame.isConnected) {
    shownOf.set(figure, chosen);
    frame.className = 'diagram-frame';
    frame.innerHTML = chosen.svg;
    const svg = frame.querySelector('svg');
    if (svg) {
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.removeAttribute('style');
      Object.assign(svg.style, inlineSize(chosen));
    }
  }
  const title = diagramTitle(figure);
  frame.setAttribute('role', 'img');
  frame.setAttribute('aria-label', `Diagram: ${title}`);
  if (!frame.isConnected) figure.replaceChildren(frame, bar(title));
  figure.classList.remove('has-error');
  markOverflow(figure, column > 0 && overflow(chosen, column) > 1);
}

/** The drawing the figure shows now. */
export function shownDrawing(figure: HTMLElement): Drawing | undefined {
  return shownOf.get(figure);
}

/** Re-chooses after the column changed width (a phone turned, a window resized). */
export function refit(figure: HTMLElement): void {
  const drawings = drawingsOf.get(figure);
  if (drawings?.length) showDrawings(figure, drawings);
}

/**
 * A diagram wider than its column says so, and its frame joins the tab order so the keyboard can
 * scroll it (a scrolling region nobody can reach is an accessibility failure). Whether it scrolls
 * is worked out from its sizes (layout.ts, the same rule as the CSS it was given), not measured,
 * which would lay the page out again.
 */
function markOverflow(figure: HTMLElement, scrolls: boolean): void {
  const frame = figure.querySelector<HTMLElement>(':scope > .diagram-frame');
  if (!frame) return;
  figure.toggleAttribute('data-scrolls', scrolls);
  if (scrolls) frame.tabIndex = 0;
  else frame.removeAttribute('tabindex');
}

function bar(title: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'diagram-bar';
  const hint = document.createElement('span');
  hint.className = 'diagram-hint';
  hint.textContent = 'Wider than the page: scroll sideways, or enlarge it.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button diagram-enlarge';
  button.setAttribute('aria-label', `Enlarge diagram: ${title}`);
  button.setAttribute('aria-haspopup', 'dialog');
  const icon = document.createElement('span');
  icon.className = 'diagram-enlarge-icon';
  icon.setAttribute('aria-hidden', 'true');
  button.append(icon);
  button.append('Enlarge');
  el.append(hint, button);
  return el;
}

/**
 * What a diagram is called: its own `accTitle:` if the author gave one, else the heading it sits
 * under, else the lesson's title.
 */
export function diagramTitle(figure: HTMLElement): string {
  const source = figure.dataset.source ?? '';
  const own = source.match(/^\s*accTitle\s*:\s*(.+)$/m)?.[1]?.trim();
  if (own) return own;
  for (let el = previous(figure); el; el = previous(el)) {
    if (/^H[1-6]$/.test(el.tagName)) return headingText(el);
  }
  return figure.closest('article')?.querySelector('h1')?.textContent?.trim() ?? 'Diagram';
}

/** A heading's words, without its "#" link. */
function headingText(heading: Element): string {
  let text = '';
  for (const node of heading.childNodes) {
    if (!(node instanceof Element && node.classList.contains('heading-anchor'))) text += node.textContent ?? '';
  }
  return text.trim();
}

/** The element before this one in reading order within the lesson body. */
function previous(el: Element): Element | null {
  if (el.previousElementSibling) return el.previousElementSibling;
  const parent = el.parentElement;
  return parent && !parent.classList.contains('prose') ? parent : null;
}

export function showError(figure: HTMLElement, message: string, source: string): void {
  drawingsOf.delete(figure);
  shownOf.delete(figure);
  figure.classList.add('has-error');
  figure.removeAttribute('data-scrolls');
  figure.replaceChildren(errorBox(message, source));
}

function errorBox(message: string, source: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'diagram-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'This diagram could not be drawn';
  const msg = document.createElement('pre');
  msg.className = 'diagram-error-message';
  msg.textContent = message;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Diagram source';
  const src = document.createElement('pre');
  src.textContent = source;
  details.append(summary, src);
  box.append(title, msg, details);
  return box;
}
