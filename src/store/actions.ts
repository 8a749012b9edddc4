/**
 * Every way to change the store, one file per concern under `actions/`. Each goes through
 * `write.ts` (schema-checked, saved at once) and returns what happened (`WriteResult`).
 */

export {
  discardDraft,
  recordExerciseRun,
  saveDraft,
  setEditorSettings,
  setResultsShare,
  showSolution,
} from './actions/lab';
export { markLessonRead, markLessonReadOnce, noteLessonVisit } from './actions/lessons';
export { fileAttempt, recordAnswers, setActiveAttempt, updateReviewSchedule } from './actions/quiz';
export { setTheme } from './actions/settings';
export type { WriteResult } from './write';
