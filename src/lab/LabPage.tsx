import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { parseDuration } from '../aws/scheduler/duration';
import { findExercise, loadExercise } from '../course/exercises';
import type { ConsoleLine, EmulatorView, RunResult } from '../sandbox/messages';
import type { ExerciseMeta } from '../schema/exercise';
import { discardDraft, recordExerciseRun, saveDraft, setEditorSettings } from '../store/actions';
import { useAppStore } from '../store/store';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { onBeforeReload } from '../ui/flushBeforeReload';
import { ChecksPanel } from './ChecksPanel';
import { ExerciseBrief } from './ExerciseBrief';
import { Inspector } from './Inspector';
import { OutputPanel } from './OutputPanel';
import { runErrorTitle } from './RunErrorNote';
import { runner } from './runnerInstance';
import 'virtual:code.css';

// The sandbox loads first and Monaco after it, and after a run that is under way (2 s at most):
// on a two-core laptop they fight for the CPU, and a learner who runs the starter at once should
// not wait for the editor's start-up. Meanwhile the code is shown as plain text (the fallback below).
const CodeEditor = lazy(async () => {
  const atMost = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.race([runner.warm().catch(() => undefined), atMost(2000)]);
  await Promise.race([runner.idle(), atMost(2000)]);
  return import('./CodeEditor');
});
type Tab = 'output' | 'checks' | 'inspector';

/** Saves the last run's whole console output (as the grader kept it) as a text file. */
async function downloadOutput(slug: string) {
  const text = await runner.transcript();
  if (text === undefined) return;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: `${slug}-output.txt` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function LabPage({ slug }: { slug: string }) {
  const summary = findExercise(slug);
  const [exercise, setExercise] = useState<ExerciseMeta>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    setExercise(undefined);
    // The sandbox worker is already loading (App starts it on every lab route); once the exercise
    // is known it rehearses the reference solution, so the first run finds everything compiled.
    loadExercise(slug).then(
      (loaded) => {
        setExercise(loaded);
        runner.rehearse({ exercise: slug, code: loaded.solution });
      },
      (e: unknown) => setLoadError(String(e)),
    );
  }, [slug]);
  useEffect(() => {
    if (summary) document.title = `${summary.title} · Lab · Secrets Lab`;
  }, [summary]);

  if (!summary) {
    return (
      <div className="page">
        <h1>Exercise not found</h1>
        <p>
          There is no exercise called “{slug}”. <Link href="/lab">All exercises</Link>
        </p>
      </div>
    );
  }
  if (loadError)
    return (
      <p role="alert" className="page error-text">
        This exercise could not be loaded: {loadError}
      </p>
    );
  if (!exercise) return <p className="page loading">Loading the exercise…</p>;
  return <Workbench key={slug} exercise={exercise} />;
}

function Workbench({ exercise }: { exercise: ExerciseMeta }) {
  const { slug } = exercise;
  const draft = useAppStore((s) => s.drafts[slug]?.code);
  const editorSettings = useAppStore((s) => s.editor);
  // `?solution=1` (the instructor preview) starts from the reference solution, which becomes a
  // draft only once edited: the learner's own draft is left as it was.
  const previewSolution = new URLSearchParams(useSearch()).get('solution') === '1';
  const edited = useRef(false);
  const [code, setCode] = useState(previewSolution ? exercise.solution : (draft ?? exercise.starter));
  const [running, setRunning] = useState(false);
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const [result, setResult] = useState<RunResult>();
  const [view, setView] = useState<EmulatorView>();
  const [tab, setTab] = useState<Tab>('output');
  const [announcement, setAnnouncement] = useState('');
  const [reveal, setReveal] = useState<{ line: number; nonce: number }>();
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const codeRef = useRef(code);
  codeRef.current = code;

  // Drafts are saved as the learner types (debounced), and once more when they leave.
  const onChange = (value: string) => {
    edited.current = true;
    // At once, not at the next render: Ctrl+Enter right after typing must run what was typed.
    codeRef.current = value;
    setCode(value);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => saveDraft(slug, value), 300);
  };
  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      if (previewSolution && !edited.current) return;
      if (codeRef.current !== exercise.starter || useAppStore.getState().drafts[slug]) saveDraft(slug, codeRef.current);
    },
    [slug, exercise.starter, previewSolution],
  );

  // Before the page goes away (an update's reload, the learner's reload or close, a hidden tab), the
  // pending draft is written at once rather than after the debounce.
  useEffect(
    () =>
      onBeforeReload(() => {
        clearTimeout(saveTimer.current);
        if (edited.current) saveDraft(slug, codeRef.current);
      }),
    [slug],
  );

  // For `npm run bench`: from the click (its event's time, so a busy page's input delay counts) to
  // the result on screen (the frame after it is committed).
  const clicked = useRef<number>(undefined);
  useEffect(() => {
    const start = clicked.current;
    if (!result || start === undefined) return;
    clicked.current = undefined;
    requestAnimationFrame(() => performance.measure('lab:run', { start }));
  }, [result]);

  // On a phone the results sit below the editor, out of sight: a finished run brings them into
  // view. On a wide screen they are always on screen and nothing moves.
  const panels = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = panels.current;
    if (!result || !el || el.getBoundingClientRect().top < window.innerHeight - 80) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }, [result]);

  const run = useCallback(
    async (event?: { timeStamp: number }) => {
      if (running) return;
      clicked.current = event?.timeStamp ?? performance.now();
      setRunning(true);
      setLines([]);
      setResult(undefined);
      setAnnouncement('Running…');
      try {
        const r = await runner.run(
          { code: codeRef.current, exercise: slug },
          { timeLimitMs: exercise.timeLimitMs, onConsole: (batch) => setLines((l) => [...l, ...batch]) },
        );
        setResult(r);
        setLines(r.output);
        setView({ state: r.state, calls: r.calls, now: r.now });
        // Only the grader's verdict counts, and only a boolean true.
        if (!previewSolution || edited.current) recordExerciseRun(slug, r.passed === true);
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
    [running, slug, exercise.timeLimitMs, previewSolution],
  );

  const advance = async (duration: string) => {
    const next = await runner.advance(parseDuration(duration));
    if (next) {
      setView(next);
      setTab('inspector');
      setAnnouncement(`Advanced the clock by ${duration}.`);
    }
  };

  return (
    <div className="lab">
      <ExerciseBrief
        exercise={exercise}
        lastFailure={
          result?.error
            ? `${runErrorTitle(result.error)}${result.error.line ? ` (line ${result.error.line})` : ''}: ${result.error.message}`
            : result?.checks.find((c) => !c.passed)?.message
        }
      />
      <section className="lab-work" aria-label="Your code">
        <div className="lab-toolbar">
          <button
            type="button"
            className="button button-primary"
            onClick={run}
            disabled={running}
            aria-keyshortcuts="Control+Enter"
          >
            {running ? 'Running…' : '▶ Run'}
          </button>
          <span className="muted kbd-hint">Ctrl+Enter</span>
          {previewSolution && (
            <p className="lab-preview-note">
              <span className="badge" role="note">
                Solution loaded (instructor preview): not saved unless you edit it
              </span>
            </p>
          )}
          <ConfirmButton
            className="button button-compact"
            label="Reset to starter"
            question="Replace your code with the starter code? Your current code will be lost."
            confirm="Reset"
            onConfirm={() => {
              discardDraft(slug);
              // The editor is controlled: a new value replaces its content (and stays undoable).
              setCode(exercise.starter);
            }}
          />
          <details className="editor-settings">
            <summary>Editor</summary>
            <label>
              <input
                type="checkbox"
                checked={editorSettings.accessibility}
                onChange={(e) => setEditorSettings({ accessibility: e.target.checked })}
              />{' '}
              Screen reader mode
            </label>
            <label>
              <input
                type="checkbox"
                checked={editorSettings.tabMovesFocus}
                onChange={(e) => setEditorSettings({ tabMovesFocus: e.target.checked })}
              />{' '}
              Tab moves focus
            </label>
          </details>
        </div>
        <div className="editor-frame">
          <ErrorBoundary label="editor">
            <Suspense
              fallback={
                <div className="editor-placeholder">
                  <span className="editor-placeholder-label">Loading the editor…</span>
                  <pre className="editor-fallback">
                    <code>{code}</code>
                  </pre>
                </div>
              }
            >
              <CodeEditor
                path={`file:///exercises/${slug}/main.ts`}
                value={code}
                onChange={onChange}
                onRun={run}
                errorLine={result?.error?.line}
                errorMessage={result?.error ? `${result.error.name}: ${result.error.message}` : undefined}
                reveal={reveal}
              />
            </Suspense>
          </ErrorBoundary>
        </div>
        <div className="lab-panels" ref={panels}>
          <div className="tabs" role="tablist" aria-label="Results">
            {(['output', 'checks', 'inspector'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`tab-${t}`}
                aria-selected={tab === t}
                aria-controls="result-panel"
                className="tab"
                onClick={() => setTab(t)}
              >
                {t === 'checks' && result?.checks.length
                  ? `Checks ${result.checks.filter((c) => c.passed).length}/${result.checks.length}`
                  : t[0]?.toUpperCase() + t.slice(1)}
              </button>
            ))}
            {exercise.clock && (
              // biome-ignore lint/a11y/useSemanticElements: a fieldset would break the tab row's flex layout; the group is labelled.
              <span className="clock-controls" role="group" aria-label="Simulated clock">
                <span className="muted">Advance</span>
                {['1 hour', '1 day', '30 days'].map((d) => (
                  <button
                    key={d}
                    type="button"
                    className="chip"
                    disabled={!view || running}
                    onClick={() => void advance(d)}
                  >
                    +{d}
                  </button>
                ))}
              </span>
            )}
          </div>
          <div id="result-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="result-panel">
            {tab === 'output' && (
              <OutputPanel
                lines={lines}
                error={result?.error}
                durationMs={result?.durationMs}
                omitted={result?.outputOmitted}
                running={running}
                onDownload={() => void downloadOutput(slug)}
                onGoToLine={(line) => setReveal({ line, nonce: Date.now() })}
              />
            )}
            {tab === 'checks' && (
              <ChecksPanel
                checks={result?.checks ?? []}
                ran={Boolean(result)}
                error={result?.error}
                onGoToLine={(line) => setReveal({ line, nonce: Date.now() })}
              />
            )}
            {tab === 'inspector' && (
              <ErrorBoundary label="inspector" resetKey={String(view?.now)}>
                <Inspector view={view} />
              </ErrorBoundary>
            )}
          </div>
        </div>
        <div className="sr-only" role="status" aria-live="polite">
          {announcement}
        </div>
      </section>
    </div>
  );
}
