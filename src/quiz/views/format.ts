/** "1:05:09" or "4:07": the exam clock. Rounds up, so the clock shows 0:00 only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "1 h 5 min", "4 min 7 s", "12 s": a duration in words. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** Spoken form of the remaining time, for the screen-reader announcement. */
export function spokenRemaining(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} seconds remaining.`;
  if (minutes >= 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${h} hour${h === 1 ? '' : 's'}${m ? ` ${m} minutes` : ''} remaining.`;
  }
  return `${minutes} minute${minutes === 1 ? '' : 's'} remaining.`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function formatDate(epochMs: number): string {
  return dateFormat.format(epochMs);
}

/** "Nov 30, 4:44 AM": for tables. */
export function formatShortDate(epochMs: number): string {
  return shortFormat.format(epochMs);
}

export function formatDay(epochMs: number): string {
  return dayFormat.format(epochMs);
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
