/** "valid", or the number of warnings with each one listed under it. */
export function StatusBadge({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return <span className="badge badge-success status-valid">valid</span>;
  return (
    <details className="status-warnings">
      <summary>
        <span className="badge badge-warning">
          {warnings.length} warning{warnings.length > 1 ? 's' : ''}
        </span>
      </summary>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
