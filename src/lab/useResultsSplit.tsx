import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import { setResultsShare } from '../store/actions';
import { RESULTS_SHARE } from '../store/lab';
import { useAppStore } from '../store/store';

const STEP = 5;
const clamp = (n: number) => Math.round(Math.min(RESULTS_SHARE.max, Math.max(RESULTS_SHARE.min, n)));

/**
 * The split between the editor and the results, as the WAI-ARIA window splitter: a focusable
 * horizontal separator whose value is the results' share of the workbench's height (the primary
 * pane it controls). Up/Down move it by 5 %, Home gives the results their least, End their most;
 * a pointer drags it. The share is remembered per learner (store `resultsShare`), written once
 * per key press or at the end of a drag. Hand-written rather than a panel library: the layout is
 * one CSS grid whose phone layout (stacked, no split; the handle hidden) is a media query, and a
 * library would own the layout in inline styles.
 * Returns the handle and the CSS value the grid's results row takes.
 */
export function useResultsSplit(controls: string) {
  const saved = useAppStore((s) => s.resultsShare);
  const [dragged, setDragged] = useState<number>();
  const share = dragged ?? saved;
  const from = useRef<DOMRect>(undefined);

  const onKeyDown = (e: KeyboardEvent) => {
    const next = {
      ArrowUp: share + STEP,
      ArrowDown: share - STEP,
      Home: RESULTS_SHARE.min,
      End: RESULTS_SHARE.max,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setResultsShare(clamp(next));
  };
  const at = (e: PointerEvent) => {
    const box = from.current;
    return box ? clamp(((box.bottom - e.clientY) / box.height) * 100) : share;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    from.current = e.currentTarget.parentElement?.getBoundingClientRect();
    setDragged(share);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (from.current) setDragged(at(e));
  };
  const onPointerEnd = (e: PointerEvent) => {
    if (!from.current) return;
    setResultsShare(at(e));
    from.current = undefined;
    setDragged(undefined);
  };

  const handle = (
    // biome-ignore lint/a11y/useSemanticElements: an <hr> cannot be focused or dragged; this is the ARIA window splitter.
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="horizontal"
      aria-label="Resize the editor and results"
      aria-controls={controls}
      aria-valuenow={share}
      aria-valuemin={RESULTS_SHARE.min}
      aria-valuemax={RESULTS_SHARE.max}
      aria-valuetext={`Results take ${share}% of the height`}
      className={`split-handle${dragged === undefined ? '' : ' split-handle-dragging'}`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    />
  );
  return { handle, rows: `${share}%` };
}
