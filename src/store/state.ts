import { type LabSlice, labDefaults } from './lab';
import { type ProgressSlice, progressDefaults } from './progress';
import { type QuizSlice, quizDefaults } from './quiz';
import { type SettingsSlice, settingsDefaults } from './settings';

/**
 * Everything the store holds: data only (actions are plain functions in `actions/`), all of it
 * persisted, all of it described by `schema.ts`.
 */
export type AppState = ProgressSlice & SettingsSlice & QuizSlice & LabSlice;

/** A fresh copy of every slice's defaults (nothing shared with earlier copies). */
export function defaultState(): AppState {
  return { ...progressDefaults(), ...settingsDefaults(), ...quizDefaults(), ...labDefaults() };
}
