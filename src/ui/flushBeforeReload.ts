/**
 * Work that must reach storage before the page goes away: a component that holds unsaved state
 * (the lab's debounced draft save) registers a flush here. They all run before an update reloads
 * the page (the update prompt calls them), when the learner reloads, closes or leaves the page
 * (`pagehide`), and when the tab is hidden (a phone may discard a background tab without any
 * further event). The store itself needs none: zustand's persist writes localStorage synchronously
 * on every change, so a flush that saves to the store is on disk when it returns.
 */
const flushes = new Set<() => void>();

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => flushBeforeReload());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushBeforeReload();
  });
}

/** Registers `flush`; returns the unregister function (use it as an effect's cleanup). */
export function onBeforeReload(flush: () => void): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every registered flush; one failing does not stop the others. */
export function flushBeforeReload(): void {
  for (const flush of flushes) {
    try {
      flush();
    } catch (error) {
      console.warn('A save before reloading failed', error);
    }
  }
}
