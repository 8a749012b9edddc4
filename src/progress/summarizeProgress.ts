import type { AppState } from '../store/state';

/** One line per kind of thing the app keeps, for "what is stored". */
export interface ProgressSummaryLine {
  label: string;
  count: number;
  detail?: string;
}

export function summarizeProgress(state: AppState): ProgressSummaryLine[] {
  const exercises = Object.values(state.exerciseProgress);
  const cards = Object.keys(state.reviewSchedule.questions).length + Object.keys(state.reviewSchedule.exercises).length;
  const active = Object.values(state.quizActive).filter(Boolean).length;
  return [
    { label: 'Lessons marked as read', count: Object.keys(state.lessonsRead).length },
    {
      label: 'Exercises attempted',
      count: exercises.length,
      detail: `${exercises.filter((e) => e.passed).length} passed, ${exercises.reduce((n, e) => n + e.attempts, 0)} runs`,
    },
    { label: 'Code drafts', count: Object.keys(state.drafts).length },
    {
      label: 'Quiz attempts finished',
      count: state.quizHistory.length,
      detail: active ? `${active} in progress` : undefined,
    },
    { label: 'Questions answered', count: Object.keys(state.questionResults).length },
    { label: 'Review cards', count: cards },
  ];
}
