import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createLabSlice, type LabSlice } from './lab';
import { migrate, STORE_VERSION } from './migrations';
import { createProgressSlice, type ProgressSlice } from './progress';
import { createQuizSlice, type QuizSlice } from './quiz';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { jsonStorage } from './storage';

export type AppState = ProgressSlice & SettingsSlice & QuizSlice & LabSlice;

export const STORAGE_KEY = 'secrets-lab';

/**
 * The one store: what the learner did and chose. Slices hold state; actions are plain functions
 * (actions.ts) so engines and tests use them without React.
 */
export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createProgressSlice(...a),
      ...createSettingsSlice(...a),
      ...createQuizSlice(...a),
      ...createLabSlice(...a),
    }),
    {
      name: STORAGE_KEY,
      version: STORE_VERSION,
      storage: jsonStorage(),
      migrate,
      // Whatever was saved is merged over fresh defaults, so a field added later is never undefined.
      merge: (persisted, current) => ({ ...current, ...(sanitize(persisted) as Partial<AppState>) }),
    },
  ),
);

function sanitize(value: unknown): object {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The defaults, for tests and "reset all progress". */
export const initialState: AppState = useAppStore.getInitialState();
