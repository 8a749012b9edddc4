import type { LearnerError } from '../sandbox/messages';

/** What stopped a run, in the learner's terms, at their line and column. */
export function runErrorTitle(error: LearnerError): string {
  switch (error.phase) {
    case 'transpile':
      return 'Your code could not be read';
    case 'timeout':
      return 'Stopped';
    case 'sandbox':
      return 'The sandbox stopped';
    default:
      return `Your code stopped with ${error.name}`;
  }
}

export function RunErrorNote({ error, onGoToLine }: { error: LearnerError; onGoToLine?(line: number): void }) {
  const where =
    error.line !== undefined ? `line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}` : '';
  return (
    <div className="run-error" role="alert">
      <strong>{runErrorTitle(error)}</strong>
      {where &&
        (onGoToLine ? (
          <button type="button" className="link-button" onClick={() => onGoToLine(error.line ?? 1)}>
            {where}
          </button>
        ) : (
          <span> at {where}</span>
        ))}
      <p>
        {error.phase === 'runtime' || error.phase === 'transpile' ? `${error.name}: ` : ''}
        {error.message}
      </p>
    </div>
  );
}
