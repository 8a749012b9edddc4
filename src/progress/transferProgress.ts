import { freshDefaults, replaceState, snapshotState } from '../store/snapshot';
import { type MergeReport, mergeProgress } from './mergeProgress';
import { parseProgressFile, progressFileName, toProgressFile } from './progressFile';

/** The export as a file's name and text (the page turns it into a download). */
export function exportProgress(now = new Date()): { name: string; text: string } {
  const file = toProgressFile(snapshotState().state, now);
  return { name: progressFileName(now), text: `${JSON.stringify(file, null, 2)}\n` };
}

export type ImportOutcome =
  | { ok: true; report: MergeReport; fromVersion: number; exportedAt?: string }
  | { ok: false; message: string };

/** Reads a progress file and merges it into the store (newest of each item); nothing changes on error. */
export function importProgress(text: string): ImportOutcome {
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { state, report } = mergeProgress(snapshotState().state, parsed.state, freshDefaults());
  replaceState(state);
  return { ok: true, report, fromVersion: parsed.fromVersion, exportedAt: parsed.exportedAt };
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

function count(n: number, one: string, many: string): string | undefined {
  return n === 0 ? undefined : `${n} ${n === 1 ? one : many}`;
}
