import { useEffect, useRef, useState } from 'react';
import { formatClock, spokenRemaining } from './format';

const MINUTE = 60_000;
/** When the remaining time is announced: every quarter hour, then at 10, 5, 2 and 1 minutes and 30 s. */
const MARKS = [
  ...Array.from({ length: 12 }, (_, i) => (12 - i) * 15 * MINUTE),
  10 * MINUTE,
  5 * MINUTE,
  2 * MINUTE,
  MINUTE,
  30_000,
];

/** The smallest mark at or above `remaining`: it changes only when the clock crosses a mark. */
export function markOf(remaining: number): number | undefined {
  let mark: number | undefined;
  for (const m of MARKS) if (remaining <= m) mark = m;
  return mark;
}

/**
 * The visible exam clock (a `timer`, silent to screen readers) and a polite live region that
 * announces the time left when it crosses a mark, never every second.
 */
export function Countdown({ remainingMs }: { remainingMs: number }) {
  const [said, setSaid] = useState('');
  const lastMark = useRef<number | undefined>(markOf(remainingMs));
  useEffect(() => {
    const mark = markOf(remainingMs);
    if (mark !== lastMark.current && mark !== undefined && remainingMs > 0) setSaid(spokenRemaining(mark));
    lastMark.current = mark;
  }, [remainingMs]);
  const low = remainingMs <= 5 * MINUTE;
  return (
    <div className={low ? 'quiz-clock is-low' : 'quiz-clock'}>
      <span className="quiz-clock-label">Time left</span>
      <span role="timer" className="quiz-clock-time">
        {formatClock(remainingMs)}
      </span>
      <span className="sr-only" role="status" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
