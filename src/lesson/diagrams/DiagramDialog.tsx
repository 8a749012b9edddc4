import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { useEffect, useId, useRef } from 'react';
import { type Drawing, readableScale } from './layout';

/** How far one arrow key press moves the diagram, in screen px. */
const PAN_STEP = 60;
const MAX_SCALE = 6;

/**
 * A diagram full-screen, to pan and zoom: drag, wheel, pinch, or the keyboard (arrows move,
 * + and − zoom, 0 goes back to the start). A modal <dialog>: the page behind is inert, Escape
 * closes it, and focus returns to the button that opened it. It opens at the largest scale that
 * shows the whole diagram, but never with a label under 12 px (then it opens at that scale, at
 * the diagram's top left, to be panned).
 */
export default function DiagramDialog({
  drawing,
  title,
  onClose,
}: {
  drawing: Drawing;
  title: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const panzoom = useRef<PanzoomObject>(undefined);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    const view = viewport.current;
    const el = canvas.current;
    if (!d || !view || !el) return;
    const opener = document.activeElement as HTMLElement | null;
    d.showModal();
    el.innerHTML = renamed(drawing.svg);
    const svg = el.querySelector('svg');
    if (svg) {
      svg.removeAttribute('style');
      svg.setAttribute('width', String(drawing.width));
      svg.setAttribute('height', String(drawing.height));
    }
    el.style.width = `${drawing.width}px`;
    el.style.height = `${drawing.height}px`;
    const start = startView(drawing, view.clientWidth, view.clientHeight);
    const pz = Panzoom(el, {
      ...start,
      minScale: Math.min(start.startScale, 0.1),
      maxScale: MAX_SCALE,
      step: 0.25,
      cursor: 'grab',
    });
    panzoom.current = pz;
    const wheel = (e: WheelEvent) => pz.zoomWithWheel(e);
    view.addEventListener('wheel', wheel, { passive: false });
    view.focus();
    // Panzoom places the start position in a timeout of its own and draws it in an animation frame
    // that timeout asks for: say when it is there (our frame is asked for after Panzoom's, so it runs after).
    let frame = 0;
    const placed = setTimeout(() => {
      frame = requestAnimationFrame(() => view.setAttribute('data-ready', ''));
    });
    return () => {
      clearTimeout(placed);
      cancelAnimationFrame(frame);
      view.removeEventListener('wheel', wheel);
      pz.destroy();
      if (d.open) d.close();
      opener?.focus();
    };
  }, [drawing]);

  const reset = () => panzoom.current?.reset({ animate: false });

  const onKeyDown = (e: React.KeyboardEvent) => {
    const pz = panzoom.current;
    if (!pz || e.altKey || e.ctrlKey || e.metaKey) return;
    const move = PAN_STEP / pz.getScale();
    const key = e.key;
    if (key === 'ArrowLeft') pz.pan(move, 0, { relative: true });
    else if (key === 'ArrowRight') pz.pan(-move, 0, { relative: true });
    else if (key === 'ArrowUp') pz.pan(0, move, { relative: true });
    else if (key === 'ArrowDown') pz.pan(0, -move, { relative: true });
    else if (key === '+' || key === '=') pz.zoomIn();
    else if (key === '-') pz.zoomOut();
    else if (key === '0') reset();
    else return;
    e.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="diagram-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-help`}
      // A close that React's strict mode caused (the effect re-ran and opened it again) is not the learner's.
      onClose={() => {
        if (!dialog.current?.open) onClose();
      }}
    >
      <header className="diagram-dialog-bar">
        <h2 id={`${id}-title`} className="diagram-dialog-title">
          {title}
        </h2>
        <div className="diagram-dialog-tools">
          <button type="button" className="button" onClick={() => panzoom.current?.zoomOut()} aria-label="Zoom out">
            −
          </button>
          <button type="button" className="button" onClick={() => panzoom.current?.zoomIn()} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="button" onClick={reset}>
            Reset
          </button>
          <button type="button" className="button button-primary" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </header>
      <p id={`${id}-help`} className="diagram-dialog-help">
        Drag, scroll or pinch to move and zoom; with the keyboard, arrows move, + and − zoom, 0 resets, Esc closes.
      </p>
      <div
        ref={viewport}
        className="diagram-dialog-viewport"
        role="img"
        aria-label={`Diagram: ${title}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the viewport takes focus so its keys (arrows, + and −) move and zoom the diagram.
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div ref={canvas} className="diagram-dialog-canvas" />
      </div>
    </dialog>
  );
}

/** Where the diagram opens: whole and centred if it fits with readable labels, else readable at its top left. */
function startView(d: Drawing, viewWidth: number, viewHeight: number) {
  const fit = Math.min(viewWidth / d.width, viewHeight / d.height);
  const scale = Math.min(Math.max(fit, readableScale(d)), Math.max(2, readableScale(d)));
  const shownWidth = d.width * scale;
  const shownHeight = d.height * scale;
  const left = shownWidth <= viewWidth ? (viewWidth - shownWidth) / 2 : 0;
  const top = shownHeight <= viewHeight ? (viewHeight - shownHeight) / 2 : 0;
  // Panzoom scales about the element's centre, then translates in unscaled px.
  return {
    startScale: scale,
    startX: (left - d.width / 2 + shownWidth / 2) / scale,
    startY: (top - d.height / 2 + shownHeight / 2) / scale,
  };
}

/** The SVG with its ids renamed, so the copy's scoped styles and arrowheads never meet the page's. */
function renamed(svg: string): string {
  const id = svg.match(/^<svg[^>]*\sid="([^"]+)"/)?.[1];
  return id ? svg.split(id).join(`${id}-enlarged`) : svg;
}
