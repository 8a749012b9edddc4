import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface SettingsSlice {
  theme: ThemeChoice;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = () => ({
  theme: 'system',
});
