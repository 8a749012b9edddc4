/**
 * Calls `then` once the page has drawn the next two frames (a timeout queued from the second
 * animation frame runs after it is painted), or after 250 ms in a hidden tab, which draws none.
 * For work that must not compete with drawing what was just rendered: a result that arrived in
 * this task is committed by React in a task of its own, drawn in the first frame at the latest.
 */
export function afterPaint(then: () => void): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(fallback);
    then();
  };
  const fallback = setTimeout(once, 250);
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)));
}
