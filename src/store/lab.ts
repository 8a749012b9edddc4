import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface ExerciseProgress {
  attempts: number;
  passed: boolean;
  /** Epoch ms of the first passing run. */
  firstPassAt?: number;
  lastRunAt?: number;
}

export interface LabSlice {
  /** The learner's code per exercise, saved as they type. */
  drafts: Record<string, { code: string; savedAt: number }>;
  exerciseProgress: Record<string, ExerciseProgress>;
  /** Exercises whose solution the learner chose to see. */
  solutionsShown: Record<string, true>;
  editor: { accessibility: boolean; tabMovesFocus: boolean; fontSize: number };
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = () => ({
  drafts: {},
  exerciseProgress: {},
  solutionsShown: {},
  editor: { accessibility: false, tabMovesFocus: false, fontSize: 14 },
});
