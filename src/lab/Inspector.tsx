import { useMemo } from 'react';
import type { EmulatorView } from '../sandbox/messages';
import { inspect, parameterTree, type TreeNode } from './inspectorModel';

const STAGE_CLASS: Record<string, string> = {
  AWSCURRENT: 'stage-current',
  AWSPENDING: 'stage-pending',
  AWSPREVIOUS: 'stage-previous',
};
const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);

/** The emulator after a run: secrets on a version timeline, the parameter tree, KMS keys, calls. */
export function Inspector({ view }: { view: EmulatorView | undefined }) {
  const model = useMemo(() => (view ? inspect(view.state, view.calls) : undefined), [view]);
  if (!view || !model) return <p className="panel-empty">Run your code to see the emulator's state here.</p>;
  return (
    <div className="inspector">
      <p className="inspector-clock">
        Simulated time: <time dateTime={new Date(view.now).toISOString()}>{time(view.now)}</time> UTC
      </p>
      {model.internalErrors.map((e) => (
        <div key={e.seq} className="run-error" role="alert">
          <strong>The emulator failed in {e.where}</strong> (a bug in Secrets Lab, not in your code)
          <p>
            {time(e.time)} UTC: {e.message}
          </p>
        </div>
      ))}
      <section aria-labelledby="insp-calls">
        <h3 id="insp-calls">Calls ({view.calls.length - model.internalErrors.length})</h3>
        {model.counts.length === 0 ? (
          <p className="panel-empty">No AWS calls yet.</p>
        ) : (
          <table className="calls-table">
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">Calls</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {model.counts.map((c) => (
                <tr key={c.key}>
                  <td>
                    <code>{c.key}</code>
                  </td>
                  <td>{c.count}</td>
                  <td>{c.errors || ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {view.calls.length > 0 && (
          <details className="call-log">
            <summary>Call log</summary>
            <ol>
              {view.calls.map((c) => (
                <li key={c.seq} className={c.outcome === 'ok' ? undefined : 'call-error'}>
                  <span className="call-time">{time(c.time).slice(11)}</span>{' '}
                  <code>{`${c.service}.${c.operation}`}</code> <span className="call-params">{summary(c.params)}</span>{' '}
                  <span className="call-outcome">{c.outcome}</span>
                  {c.source === 'event' && <span className="call-event"> (scheduled)</span>}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>
      <section aria-labelledby="insp-secrets">
        <h3 id="insp-secrets">Secrets ({model.secrets.length})</h3>
        {model.secrets.map((s) => (
          <div key={s.arn} className="secret-card">
            <p className="secret-name">
              <code>{s.name}</code> {s.deleted && <span className="badge badge-danger">scheduled for deletion</span>}
              {s.rotation?.enabled && <span className="badge">rotation on</span>}
            </p>
            <ol className="timeline" aria-label={`Versions of ${s.name}, oldest first`}>
              {s.versions.map((v) => (
                <li key={v.id} className="timeline-item">
                  <span className="timeline-dot" aria-hidden="true" />
                  <span className="timeline-id" title={v.id}>
                    {v.id.slice(0, 8)}
                  </span>
                  <span className="timeline-date">{time(v.created)}</span>
                  <span className="timeline-stages">
                    {v.stages.length === 0 ? (
                      <span className="stage stage-none">no label</span>
                    ) : (
                      v.stages.map((st) => (
                        <span key={st} className={`stage ${STAGE_CLASS[st] ?? ''}`}>
                          {st}
                        </span>
                      ))
                    )}
                  </span>
                </li>
              ))}
            </ol>
            {s.rotation?.error && <p className="rotation-error">Last rotation failed at {s.rotation.error}</p>}
          </div>
        ))}
      </section>
      <section aria-labelledby="insp-params">
        <h3 id="insp-params">Parameters ({model.parameters.length})</h3>
        <ParameterTree node={parameterTree(model.parameters)} />
      </section>
      <section aria-labelledby="insp-keys">
        <h3 id="insp-keys">KMS keys ({model.keys.length})</h3>
        <ul className="key-list">
          {model.keys.map((k) => (
            <li key={k.id}>
              <code>{k.aliases.join(', ') || k.id}</code>{' '}
              <span className="muted">{k.managedBy === 'AWS' ? 'AWS managed' : 'customer managed'}</span>{' '}
              {k.state !== 'Enabled' && <span className="badge badge-danger">{k.state}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ParameterTree({ node }: { node: TreeNode }) {
  if (node.children.length === 0) return <p className="panel-empty">No parameters.</p>;
  return (
    <ul className="param-tree">
      {node.children.map((child) => (
        <li key={child.path}>
          <span className={child.leaf ? 'param-leaf' : 'param-folder'}>
            {child.leaf ? child.name : `${child.name}/`}
          </span>
          {child.leaf && (
            <span className="muted">
              {' '}
              {child.leaf.type} · v{child.leaf.version}
              {child.leaf.tier !== 'Standard' ? ` · ${child.leaf.tier}` : ''}
              {child.leaf.labels.length ? ` · ${child.leaf.labels.join(', ')}` : ''}
            </span>
          )}
          {child.children.length > 0 && <ParameterTree node={child} />}
        </li>
      ))}
    </ul>
  );
}

function summary(params: Record<string, unknown>): string {
  const key = params.SecretId ?? params.Name ?? params.Path ?? params.KeyId ?? params.Names ?? params.AliasName;
  return key === undefined ? '' : typeof key === 'string' ? key : JSON.stringify(key);
}
