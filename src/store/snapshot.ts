import { STORE_VERSION } from './migrations';
import { type AppState, defaultState } from './state';
import { useAppStore } from './store';
import { type WriteResult, writeAll } from './write';

/**
 * The whole store as plain JSON, and whole-store replacement: what export, import and "reset all
 * progress" need. The store holds data only, so its state is exactly what `persist` saves.
 */
export function snapshotState(): { version: number; state: AppState } {
  return { version: STORE_VERSION, state: JSON.parse(JSON.stringify(useAppStore.getState())) as AppState };
}

/** Replaces everything (checked, then saved at once); fields the given state lacks get their defaults. */
export function replaceState(state: AppState): WriteResult {
  return writeAll({ ...defaultState(), ...state });
}

/** Back to a first visit: every slice at its defaults, saved at once. */
export function resetAllProgress(): WriteResult {
  return writeAll(defaultState());
}

/** A fresh copy of the defaults. */
export function freshDefaults(): AppState {
  return defaultState();
}
