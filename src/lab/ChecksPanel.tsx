import type { CheckResult } from '../sandbox/messages';

export function ChecksPanel({ checks, ran }: { checks: CheckResult[]; ran: boolean }) {
  if (!ran)
    return <p className="panel-empty">Run your code to grade it. Each task is checked against what your code did.</p>;
  const passed = checks.filter((c) => c.passed).length;
  return (
    <div className="checks">
      <p className={passed === checks.length ? 'checks-summary all-passed' : 'checks-summary'}>
        {passed === checks.length
          ? `All ${checks.length} checks passed. Well done!`
          : `${passed} of ${checks.length} checks passed`}
      </p>
      <ol className="check-list">
        {checks.map((c) => (
          <li key={c.id} className={c.passed ? 'check-pass' : 'check-fail'}>
            <span className="check-icon" aria-hidden="true">
              {c.passed ? '✓' : '✗'}
            </span>
            <span className="sr-only">{c.passed ? 'Passed: ' : 'Failed: '}</span>
            <span className="check-title">{c.title}</span>
            {c.message && <p className="check-message">{c.message}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
