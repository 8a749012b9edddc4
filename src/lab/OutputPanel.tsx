import type { ConsoleLine, LearnerError } from '../sandbox/messages';
import { RunErrorNote } from './RunErrorNote';

/**
 * The run's console as the grader cut it (at most 1,000 lines of 2,000 characters: the page never
 * draws more), what it left out, and the whole output as a download.
 */
export function OutputPanel(props: {
  lines: ConsoleLine[];
  error?: LearnerError;
  durationMs?: number;
  omitted?: { lines: number; chars: number };
  running: boolean;
  onGoToLine(line: number): void;
  onDownload?(): void;
}) {
  const { lines, error, durationMs, running, omitted } = props;
  if (!running && lines.length === 0 && !error && durationMs === undefined) {
    return <p className="panel-empty">Press Run (or Ctrl+Enter) to run your code. Its console output appears here.</p>;
  }
  const cut = Boolean(omitted?.lines) || lines.some((l) => l.text.endsWith('more characters not shown'));
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
      {!running && omitted && omitted.lines > 0 && (
        <p className="console-omitted">
          … {omitted.lines.toLocaleString('en')} more line{omitted.lines === 1 ? '' : 's'} not shown.
        </p>
      )}
      {!running && cut && props.onDownload && (
        <p className="console-omitted">
          <button type="button" className="link-button" onClick={props.onDownload}>
            Download the whole output
          </button>
          {omitted &&
            omitted.chars > 0 &&
            ` (the first 8 million characters: ${omitted.chars.toLocaleString('en')} more were not kept)`}
        </p>
      )}
      {error && <RunErrorNote error={error} onGoToLine={props.onGoToLine} />}
      {durationMs !== undefined && !running && (
        <p className="run-time">Ran in {durationMs < 1 ? '<1' : Math.round(durationMs)} ms</p>
      )}
    </div>
  );
}
