/**
 * Work that must reach storage before the page reloads for an update: a component that holds
 * unsaved state (the lab's debounced draft save) registers a flush here; the update prompt runs
 * them all before it lets the new version take over. The store itself needs none: zustand's
 * persist writes localStorage synchronously on every change.
 */
const flushes = new Set<() => void>();

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
