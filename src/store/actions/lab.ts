import { own, withEntry, withoutEntry } from '../dict';
import { type EditorSettings, type ExerciseProgress, RESULTS_SHARE } from '../lab';
import { type WriteResult, write } from '../write';

/** Saves the learner's code for an exercise (refused, with a notice, past the draft size limit). */
export function saveDraft(exercise: string, code: string, now = Date.now()): WriteResult {
  return write((s) => ({ drafts: withEntry(s.drafts, exercise, { code, savedAt: now }) }));
}

export function discardDraft(exercise: string): WriteResult {
  return write((s) => ({ drafts: withoutEntry(s.drafts, exercise) }));
}

/**
 * Records a graded run: attempts count every run, the first pass is remembered. Only a verdict of
 * exactly `true` is a pass (a grader's result is data; anything else is a failed run).
 */
export function recordExerciseRun(exercise: string, passed: boolean, now = Date.now()): WriteResult {
  const pass = passed === true;
  return write((s) => {
    const before = own(s.exerciseProgress, exercise) ?? { attempts: 0, passed: false };
    const firstPassAt = before.firstPassAt ?? (pass ? now : undefined);
    return {
      exerciseProgress: withEntry<ExerciseProgress>(s.exerciseProgress, exercise, {
        attempts: before.attempts + 1,
        passed: before.passed || pass,
        ...(firstPassAt === undefined ? {} : { firstPassAt }),
        lastRunAt: now,
      }),
    };
  });
}

export function showSolution(exercise: string): WriteResult {
  return write((s) => ({ solutionsShown: withEntry(s.solutionsShown, exercise, true as const) }));
}

export function setEditorSettings(settings: Partial<EditorSettings>): WriteResult {
  return write((s) => ({ editor: { ...s.editor, ...settings } }));
}

/** The editor/results split (percent of the workbench's height the results take), kept within its bounds. */
export function setResultsShare(percent: number): WriteResult {
  const share = Math.round(Math.min(RESULTS_SHARE.max, Math.max(RESULTS_SHARE.min, percent)));
  return write(() => ({ resultsShare: share }));
}
