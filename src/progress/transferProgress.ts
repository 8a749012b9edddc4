import { parseProgressFile, progressFileName, toProgressFile } from '../store/progressFile';
import { freshDefaults, replaceState, snapshotState } from '../store/snapshot';
import { lastSaveOutcome, restoreSaveOutcome } from '../store/storage';
import { type MergeReport, mergeProgress } from './mergeProgress';

/**
 * The export as a file's name and text (the page turns it into a download). `displayName`, if the
 * learner gives one, goes in the file for an instructor's class report; it is never stored.
 */
export function exportProgress(now = new Date(), displayName?: string): { name: string; text: string } {
  const file = toProgressFile(snapshotState().state, now, displayName);
  return { name: progressFileName(now), text: `${JSON.stringify(file, null, 2)}\n` };
}

export type ImportOutcome =
  | { ok: true; report: MergeReport; fromVersion: number; exportedAt?: string; dropped: string[] }
  | { ok: false; message: string };

/**
 * Reads a progress file and merges it into the store (newest of each item). It reports only what
 * was kept: a file refused, or a merge the browser could not save (storage full), changes nothing
 * and says so.
 */
export function importProgress(text: string): ImportOutcome {
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const before = snapshotState().state;
  const savedBefore = lastSaveOutcome();
  const { state, report } = mergeProgress(before, parsed.state, freshDefaults());
  const written = replaceState(state);
  if (!written.ok) return { ok: false, message: `Nothing was imported: ${written.message}.` };
  if (!written.saved) {
    replaceState(before);
    restoreSaveOutcome(savedBefore);
    return {
      ok: false,
      message:
        written.reason === 'full'
          ? "Nothing was imported: this browser's storage for Secrets Lab has no room for the merged progress. Free some space (remove set-aside data below, or clear other sites' data), then import again."
          : 'Nothing was imported: this browser blocks storage for this site (private browsing or a privacy setting can do this).',
    };
  }
  return {
    ok: true,
    report,
    fromVersion: parsed.fromVersion,
    exportedAt: parsed.exportedAt,
    dropped: parsed.dropped,
  };
}

/** "2 lessons read, 1 draft and 3 quiz attempts" or undefined when nothing was new. */
export function describeReport(report: MergeReport): string | undefined {
  const parts = [
    count(report.lessons, 'lesson read', 'lessons read'),
    count(report.exercises, 'exercise result', 'exercise results'),
    count(report.drafts, 'draft', 'drafts'),
    count(report.attempts, 'quiz attempt', 'quiz attempts'),
    count(report.answers, 'question answer', 'question answers'),
    count(report.cards, 'review card', 'review cards'),
  ].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "Left out 2 fields this version does not know: state.bookmarks, state.notes." or undefined. */
export function describeDropped(dropped: readonly string[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const shown = dropped.slice(0, 5).join(', ');
  const more = dropped.length > 5 ? ` and ${dropped.length - 5} more` : '';
  return `Left out ${dropped.length} field${dropped.length === 1 ? '' : 's'} this version does not know: ${shown}${more}.`;
}

function count(n: number, one: string, many: string): string | undefined {
  return n === 0 ? undefined : `${n} ${n === 1 ? one : many}`;
}
