export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the learner chose about the app itself. */
export interface SettingsSlice {
  theme: ThemeChoice;
}

export function settingsDefaults(): SettingsSlice {
  return { theme: 'system' };
}
