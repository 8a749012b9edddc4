import type { CheckResult, LearnerError } from '../sandbox/messages';
import { InlineMarkdown } from './InlineMarkdown';
import { RunErrorNote } from './RunErrorNote';

export function ChecksPanel(props: {
  checks: CheckResult[];
  ran: boolean;
  error?: LearnerError;
  onGoToLine?(line: number): void;
}) {
  const { checks, ran, error } = props;
  if (!ran)
    return <p className="panel-empty">Run your code to grade it. Each task is checked against what your code did.</p>;
  const passed = checks.filter((c) => c.passed).length;
  return (
    <div className="checks">
      {error ? (
        <>
          <RunErrorNote error={error} onGoToLine={props.onGoToLine} />
          {checks.length > 0 && (
            <p className="checks-summary">Not checked: your code has to run to its end first. Fix the error above.</p>
          )}
        </>
      ) : (
        <p className={passed === checks.length ? 'checks-summary all-passed' : 'checks-summary'}>
          {passed === checks.length
            ? `All ${checks.length} checks passed. Well done!`
            : `${passed} of ${checks.length} checks passed`}
        </p>
      )}
      <ol className="check-list">
        {checks.map((c) => (
          <li key={c.id} className={c.skipped ? 'check-skipped' : c.passed ? 'check-pass' : 'check-fail'}>
            <span className="check-icon" aria-hidden="true">
              {c.skipped ? '○' : c.passed ? '✓' : '✗'}
            </span>
            <span className="sr-only">{c.skipped ? 'Not checked: ' : c.passed ? 'Passed: ' : 'Failed: '}</span>
            <span className="check-title">{c.title}</span>
            {c.message && (
              <p className="check-message">
                <InlineMarkdown text={c.message} />
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
