import type { AttemptRecord } from '../../store/quiz';

const KIND_NAMES = { practice: 'Practice', full: 'Full exam', short: 'Short exam', custom: 'Custom exam' } as const;

export function kindName(record: Pick<AttemptRecord, 'kind'>): string {
  return KIND_NAMES[record.kind];
}

/**
 * An attempt's result in words, by the counting rules (`summarizeAttempt`): "6 right of 8 answered ·
 * 2 unanswered" for practice, "36 of 50 scored right · 2 unanswered" for an exam. Unanswered
 * questions are named as such, never as misses. Summaries saved before answers were counted say
 * only what they know.
 */
export function resultWords(record: AttemptRecord): string {
  const unanswered = record.answered === null ? undefined : record.total - record.answered;
  const tail = unanswered ? ` · ${unanswered} unanswered` : '';
  if (record.mode === 'practice')
    return record.answered === null
      ? `${record.correct} of ${record.total} right`
      : `${record.correct} right of ${record.answered} answered${tail}`;
  return `${record.correct} of ${record.total} scored right${tail}`;
}
