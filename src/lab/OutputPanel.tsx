import type { ConsoleLine, LearnerError } from '../sandbox/messages';

export function OutputPanel(props: {
  lines: ConsoleLine[];
  error?: LearnerError;
  durationMs?: number;
  running: boolean;
  onGoToLine(line: number): void;
}) {
  const { lines, error, durationMs, running } = props;
  if (!running && lines.length === 0 && !error && durationMs === undefined) {
    return <p className="panel-empty">Press Run (or Ctrl+Enter) to run your code. Its console output appears here.</p>;
  }
  return (
    <div className="output">
      {lines.length === 0 && !error && !running && <p className="panel-empty">Your code printed nothing.</p>}
      <ol className="console" aria-label="Console output">
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: console lines are append-only and never reordered.
          <li key={i} className={`console-${l.level}`}>
            {l.text}
          </li>
        ))}
      </ol>
      {error && (
        <div className="run-error" role="alert">
          <strong>
            {error.phase === 'timeout'
              ? 'Stopped'
              : error.phase === 'transpile'
                ? 'Your code could not be read'
                : error.name}
          </strong>
          {error.line !== undefined && (
            <button type="button" className="link-button" onClick={() => props.onGoToLine(error.line ?? 1)}>
              line {error.line}
            </button>
          )}
          <p>{error.message}</p>
        </div>
      )}
      {durationMs !== undefined && !running && (
        <p className="run-time">Ran in {durationMs < 1 ? '<1' : Math.round(durationMs)} ms</p>
      )}
    </div>
  );
}
