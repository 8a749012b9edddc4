import { type Dict, dict } from './dict';

export interface ExerciseProgress {
  /** Graded runs. */
  attempts: number;
  /** A run has passed every check (the grader said `passed === true`). */
  passed: boolean;
  /** Epoch ms of the first passing run. */
  firstPassAt?: number;
  lastRunAt?: number;
}

export interface Draft {
  code: string;
  savedAt: number;
}

export interface EditorSettings {
  accessibility: boolean;
  tabMovesFocus: boolean;
  fontSize: number;
}

/** What the learner did in the lab. */
export interface LabSlice {
  /** The learner's code per exercise, saved as they type. */
  drafts: Dict<Draft>;
  exerciseProgress: Dict<ExerciseProgress>;
  /** Exercises whose solution the learner chose to see. */
  solutionsShown: Dict<true>;
  editor: EditorSettings;
  /** The workbench's split: percent of its height the results take, below the editor (wide screens). */
  resultsShare: number;
}

/** The bounds of `resultsShare`: neither the editor nor the results can be dragged out of sight. */
export const RESULTS_SHARE = { min: 15, max: 85, default: 38 } as const;

export function labDefaults(): LabSlice {
  return {
    drafts: dict(),
    exerciseProgress: dict(),
    solutionsShown: dict(),
    editor: { accessibility: false, tabMovesFocus: false, fontSize: 14 },
    resultsShare: RESULTS_SHARE.default,
  };
}
