import type { ThemeChoice } from './settings';
import { useAppStore } from './store';

export function markLessonRead(slug: string, read: boolean, now = Date.now()): void {
  useAppStore.setState((s) => {
    const lessonsRead = { ...s.lessonsRead };
    if (read) lessonsRead[slug] = now;
    else delete lessonsRead[slug];
    return { lessonsRead };
  });
}

export function setTheme(theme: ThemeChoice): void {
  useAppStore.setState({ theme });
}

export function saveDraft(exercise: string, code: string, now = Date.now()): void {
  useAppStore.setState((s) => ({ drafts: { ...s.drafts, [exercise]: { code, savedAt: now } } }));
}

export function discardDraft(exercise: string): void {
  useAppStore.setState((s) => {
    const drafts = { ...s.drafts };
    delete drafts[exercise];
    return { drafts };
  });
}

/** Records a graded run: attempts count every run, the first pass is remembered. */
export function recordExerciseRun(exercise: string, passed: boolean, now = Date.now()): void {
  useAppStore.setState((s) => {
    const before = s.exerciseProgress[exercise] ?? { attempts: 0, passed: false };
    return {
      exerciseProgress: {
        ...s.exerciseProgress,
        [exercise]: {
          attempts: before.attempts + 1,
          passed: before.passed || passed,
          firstPassAt: before.firstPassAt ?? (passed ? now : undefined),
          lastRunAt: now,
        },
      },
    };
  });
}

export function showSolution(exercise: string): void {
  useAppStore.setState((s) => ({ solutionsShown: { ...s.solutionsShown, [exercise]: true } }));
}

export function setEditorSettings(settings: Partial<import('./lab').LabSlice['editor']>): void {
  useAppStore.setState((s) => ({ editor: { ...s.editor, ...settings } }));
}
