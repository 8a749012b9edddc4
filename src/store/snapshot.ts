import { STORE_VERSION } from './migrations';
import { type AppState, initialState, useAppStore } from './store';

/**
 * The whole store as plain JSON, and whole-store replacement: what export, import and "reset all
 * progress" need. The store holds data only (actions are functions in actions.ts), so its state is
 * exactly what `persist` saves.
 */
export function snapshotState(): { version: number; state: AppState } {
  return { version: STORE_VERSION, state: JSON.parse(JSON.stringify(useAppStore.getState())) as AppState };
}

/** Replaces everything (persisted at once); fields the given state lacks get their defaults. */
export function replaceState(state: AppState): void {
  useAppStore.setState({ ...freshDefaults(), ...state }, true);
}

/** Back to a first visit: every slice at its defaults, saved at once. */
export function resetAllProgress(): void {
  useAppStore.setState(freshDefaults(), true);
}

/** A deep copy, so later edits to the live state can never reach the defaults. */
export function freshDefaults(): AppState {
  return structuredClone(initialState);
}
