import { type CSSProperties, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import type { ExerciseMeta } from '../schema/exercise';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { afterPaint } from './afterPaint';
import { ExerciseBrief } from './ExerciseBrief';
import { LabToolbar } from './LabToolbar';
import { CodeEditor } from './LazyCodeEditor';
import { ResultTabs } from './ResultTabs';
import { runErrorTitle } from './RunErrorNote';
import { useDraft } from './useDraft';
import { useResultsSplit } from './useResultsSplit';
import { useRun } from './useRun';

/** The workbench: the brief, the toolbar, the editor and the results, wired together. */
export default function Workbench({ exercise }: { exercise: ExerciseMeta }) {
  const { slug } = exercise;
  // `?solution=1` (the instructor preview) starts from the reference solution.
  const preview = new URLSearchParams(useSearch()).get('solution') === '1';
  const draft = useDraft(slug, exercise.starter, preview ? exercise.solution : undefined);
  const { edited } = draft;
  const record = useCallback(() => !preview || edited.current, [preview, edited]);
  const run = useRun({ slug, timeLimitMs: exercise.timeLimitMs, record });
  const { result, finished } = run;
  const [reveal, setReveal] = useState<{ line: number; nonce: number }>();
  const goToLine = (line: number) => setReveal({ line, nonce: Date.now() });
  // Stable, so the editor (memoised) is not drawn again when a run starts or ends.
  const runRef = useRef(run.run);
  runRef.current = run.run;
  const runNow = useCallback(
    (event?: { timeStamp: number }) => void runRef.current(draft.codeRef.current, event),
    [draft.codeRef],
  );

  // On a phone the results sit below the editor, out of sight: a finished run brings them into
  // view. On a wide screen they are always on screen and nothing moves. Measured once the result
  // is drawn, so the measuring forces no layout before it.
  const panels = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!result) return;
    afterPaint(() => {
      const el = panels.current;
      if (!el || el.getBoundingClientRect().top < window.innerHeight - 80) return;
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    });
  }, [result]);

  const split = useResultsSplit('lab-results');

  const error = finished?.error;
  return (
    <div className="lab">
      <ExerciseBrief
        exercise={exercise}
        lastFailure={
          error
            ? `${runErrorTitle(error)}${error.line ? ` (line ${error.line})` : ''}: ${error.message}`
            : finished?.checks.find((c) => !c.passed)?.message
        }
      />
      <section className="lab-work" aria-label="Your code" style={{ '--results-share': split.rows } as CSSProperties}>
        <LabToolbar running={run.running} preview={preview} onRun={runNow} onReset={draft.reset} />
        <div className="editor-frame">
          <ErrorBoundary label="editor">
            <Suspense
              fallback={
                <div className="editor-placeholder">
                  <span className="editor-placeholder-label">Loading the editor…</span>
                  <pre className="editor-fallback">
                    <code>{draft.code}</code>
                  </pre>
                </div>
              }
            >
              <CodeEditor
                path={`file:///exercises/${slug}/main.ts`}
                value={draft.code}
                onChange={draft.onChange}
                onRun={runNow}
                errorLine={error?.line}
                errorMessage={error ? `${error.name}: ${error.message}` : undefined}
                reveal={reveal}
              />
            </Suspense>
          </ErrorBoundary>
        </div>
        {split.handle}
        <ResultTabs slug={slug} clock={Boolean(exercise.clock)} run={run} panelsRef={panels} onGoToLine={goToLine} />
        <div className="sr-only" role="status" aria-live="polite">
          {run.announcement}
        </div>
      </section>
    </div>
  );
}
