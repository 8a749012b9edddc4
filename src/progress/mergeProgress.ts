import type { StoredCard } from '../quiz/reviewSchedule';
import { type Dict, dict, own } from '../store/dict';
import type { IncomingProgress } from '../store/progressFile';
import { type AttemptRecord, DETAILED_ATTEMPTS, MAX_ATTEMPTS } from '../store/quiz';
import type { AppState } from '../store/state';

/** How many items of each kind came from the file (new here, or newer than what was here). */
export interface MergeReport {
  lessons: number;
  drafts: number;
  exercises: number;
  attempts: number;
  cards: number;
  answers: number;
}

/**
 * Merges a progress file into this browser's progress, keeping the newest of each item, so
 * importing is safe in either direction and importing the same file twice changes nothing:
 * - lessons read: union, latest time; drafts: the later `savedAt`; answers: the later `at`;
 * - an exercise: the record with the later run, but a pass on either side stays a pass (earliest
 *   first pass) and attempts never go down; solutions shown: union;
 * - quiz history: union by attempt id, ordered by submission, bounded as the quiz bounds it;
 * - an attempt in progress: the later-started one, dropped if the other side already finished it;
 * - review cards: the card reviewed last (more reviews on a tie);
 * - the lesson opened last: the later one;
 * - settings (theme, editor, the lab's split): this browser's, unless it still has the defaults.
 * Items present only here are kept: there are no deletions to merge (reset is local).
 * Keys come from a file: every lookup is an own-property read (`own`), every record built is
 * prototype-free, so a key named like an inherited property cannot read as present.
 */
export function mergeProgress(
  local: AppState,
  incoming: IncomingProgress,
  defaults: AppState,
): { state: AppState; report: MergeReport } {
  const report: MergeReport = { lessons: 0, drafts: 0, exercises: 0, attempts: 0, cards: 0, answers: 0 };

  const lessonsRead = newest(
    local.lessonsRead,
    incoming.lessonsRead,
    (a, b) => b > a,
    () => report.lessons++,
  );
  const drafts = newest(
    local.drafts,
    incoming.drafts,
    (a, b) => b.savedAt > a.savedAt,
    () => report.drafts++,
  );
  const questionResults = newest(
    local.questionResults,
    incoming.questionResults,
    (a, b) => b.at > a.at,
    () => report.answers++,
  );

  const exerciseProgress = dict(Object.entries(local.exerciseProgress));
  for (const [id, theirs] of Object.entries(incoming.exerciseProgress ?? {})) {
    const ours = own(exerciseProgress, id);
    if (!ours) {
      exerciseProgress[id] = theirs;
      report.exercises++;
      continue;
    }
    const later = (theirs.lastRunAt ?? 0) > (ours.lastRunAt ?? 0) ? theirs : ours;
    const firstPasses = [ours.firstPassAt, theirs.firstPassAt].filter((t): t is number => t !== undefined);
    const merged = {
      attempts: Math.max(ours.attempts, theirs.attempts),
      passed: ours.passed || theirs.passed,
      ...(firstPasses.length ? { firstPassAt: Math.min(...firstPasses) } : {}),
      ...(later.lastRunAt === undefined ? {} : { lastRunAt: later.lastRunAt }),
    };
    if (JSON.stringify(merged) !== JSON.stringify(ours)) report.exercises++;
    exerciseProgress[id] = merged;
  }

  const quizHistory = mergeHistory(local.quizHistory, incoming.quizHistory ?? [], () => report.attempts++);
  const finished = new Set(quizHistory.map((r) => r.id));
  const quizActive = { ...local.quizActive };
  for (const mode of ['practice', 'exam'] as const) {
    const theirs = incoming.quizActive?.[mode];
    const ours = quizActive[mode];
    if (theirs && (!ours || theirs.attempt.startedAt > ours.attempt.startedAt)) quizActive[mode] = theirs;
    const kept = quizActive[mode];
    if (kept && finished.has(kept.attempt.id)) delete quizActive[mode];
  }

  const cardIsNewer = (a: StoredCard, b: StoredCard) =>
    (b.last_review ?? -1) > (a.last_review ?? -1) || (b.last_review === a.last_review && b.reps > a.reps);
  const reviewSchedule = {
    ...local.reviewSchedule,
    questions: newest(
      local.reviewSchedule.questions,
      incoming.reviewSchedule?.questions,
      cardIsNewer,
      () => report.cards++,
    ),
    exercises: newest(
      local.reviewSchedule.exercises,
      incoming.reviewSchedule?.exercises,
      cardIsNewer,
      () => report.cards++,
    ),
  };

  const theirsLast = incoming.lastLesson;
  const lastLesson =
    theirsLast && (!local.lastLesson || theirsLast.at > local.lastLesson.at) ? theirsLast : local.lastLesson;

  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const theme = same(local.theme, defaults.theme) && incoming.theme ? incoming.theme : local.theme;
  const editor = same(local.editor, defaults.editor) && incoming.editor ? incoming.editor : local.editor;
  const resultsShare =
    local.resultsShare === defaults.resultsShare && incoming.resultsShare !== undefined
      ? incoming.resultsShare
      : local.resultsShare;

  const state: AppState = {
    ...local,
    lessonsRead,
    lastLesson,
    drafts,
    questionResults,
    exerciseProgress,
    solutionsShown: dict([...Object.entries(local.solutionsShown), ...Object.entries(incoming.solutionsShown ?? {})]),
    quizHistory,
    quizActive,
    reviewSchedule,
    theme,
    editor,
    resultsShare,
  };
  return { state, report };
}

/** Per key: theirs when ours is missing or `isNewer(ours, theirs)`. */
function newest<T>(
  ours: Readonly<Dict<T>>,
  theirs: Readonly<Dict<T>> | undefined,
  isNewer: (ours: T, theirs: T) => boolean,
  took: () => void,
): Dict<T> {
  const out = dict(Object.entries(ours));
  for (const [key, value] of Object.entries(theirs ?? {})) {
    const mine = own(out, key);
    if (mine === undefined || isNewer(mine, value)) {
      out[key] = value;
      took();
    }
  }
  return out;
}

/** Union by id (the copy with the detailed attempt wins), oldest first, bounded like the quiz's own history. */
function mergeHistory(ours: AttemptRecord[], theirs: AttemptRecord[], took: () => void): AttemptRecord[] {
  const byId = new Map(ours.map((r) => [r.id, r]));
  for (const record of theirs) {
    const mine = byId.get(record.id);
    if (!mine || (!mine.attempt && record.attempt)) {
      byId.set(record.id, record);
      if (!mine) took();
    }
  }
  const history = [...byId.values()].sort((a, b) => a.submittedAt - b.submittedAt).slice(-MAX_ATTEMPTS);
  const cut = history.length - DETAILED_ATTEMPTS;
  return history.map((r, i) => {
    if (i >= cut || !r.attempt) return r;
    const { attempt: _dropped, ...summary } = r;
    return summary;
  });
}
