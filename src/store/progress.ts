import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface ProgressSlice {
  /** Lessons marked as read: slug → epoch ms when marked. */
  lessonsRead: Record<string, number>;
}

export const createProgressSlice: StateCreator<AppState, [], [], ProgressSlice> = () => ({
  lessonsRead: {},
});
