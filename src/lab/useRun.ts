import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { parseDuration } from '../aws/scheduler/duration';
import type { ConsoleLine, EmulatorView, RunResult } from '../sandbox/messages';
import { recordExerciseRun } from '../store/actions';
import { afterPaint } from './afterPaint';
import { runner } from './runnerInstance';

export type ResultTab = 'output' | 'checks' | 'inspector';

/**
 * Running the learner's code and what the page shows of it: the live console, the result, the
 * emulator view for the inspector, the open tab and what is announced to screen readers. A pass
 * is recorded from the grader's verdict alone (`passed === true`).
 */
export function useRun(options: { slug: string; timeLimitMs: number; record: () => boolean }) {
  const { slug, timeLimitMs, record } = options;
  const [running, setRunning] = useState(false);
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const [result, setResult] = useState<RunResult>();
  // The last run that finished, kept while the next one runs: the editor's error mark and the
  // brief's "from your last run" stay put instead of being cleared and drawn again on every run.
  const [finished, setFinished] = useState<RunResult>();
  const [view, setView] = useState<EmulatorView>();
  const [tab, setTab] = useState<ResultTab>('output');
  const [announcement, setAnnouncement] = useState('');

  // For `npm run bench`: from the click (its event's time, so a busy page's input delay counts) to
  // the result on screen: the animation frame after it is committed (a layout effect runs at the
  // commit; a passive one may run only after that frame is drawn, a frame late).
  const clicked = useRef<number>(undefined);
  useLayoutEffect(() => {
    const start = clicked.current;
    if (!result || start === undefined) return;
    clicked.current = undefined;
    requestAnimationFrame(() => performance.measure('lab:run', { start }));
  }, [result]);

  const run = useCallback(
    async (code: string, event?: { timeStamp: number }) => {
      if (running) return;
      clicked.current = event?.timeStamp ?? performance.now();
      setRunning(true);
      setLines([]);
      setResult(undefined);
      setAnnouncement('Running…');
      try {
        const r = await runner.run(
          { code, exercise: slug },
          { timeLimitMs, onConsole: (batch) => setLines((l) => [...l, ...batch]) },
        );
        setResult(r);
        setFinished(r);
        setLines(r.output);
        setView({ state: r.state, calls: r.calls, now: r.now });
        // Saved once the result is on screen (the store writes the learner's progress to storage).
        if (record()) afterPaint(() => recordExerciseRun(slug, r.passed === true));
        const passed = r.checks.filter((c) => c.passed).length;
        setTab(r.error && r.checks.length === 0 ? 'output' : 'checks');
        setAnnouncement(
          r.error
            ? `Run finished with ${r.error.name}. ${r.error.message}`
            : `${passed} of ${r.checks.length} checks passed.`,
        );
      } finally {
        setRunning(false);
      }
    },
    [running, slug, timeLimitMs, record],
  );

  const advance = async (duration: string) => {
    const next = await runner.advance(parseDuration(duration));
    if (next) {
      setView(next);
      setTab('inspector');
      setAnnouncement(`Advanced the clock by ${duration}.`);
    }
  };

  return { running, lines, result, finished, view, tab, setTab, announcement, run, advance };
}

/** Saves the last run's whole console output (as the grader kept it) as a text file. */
export async function downloadOutput(slug: string) {
  const text = await runner.transcript();
  if (text === undefined) return;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: `${slug}-output.txt` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
