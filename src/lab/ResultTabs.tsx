import type { RefObject } from 'react';
import { NextStepsPanel } from '../path/NextStepsPanel';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ChecksPanel } from './ChecksPanel';
import { Inspector } from './Inspector';
import { OutputPanel } from './OutputPanel';
import { downloadOutput, type ResultTab, type useRun } from './useRun';

const TABS: ResultTab[] = ['output', 'checks', 'inspector'];

/**
 * The run's three result tabs (Output, Checks, Inspector) and, for the exercises that move time,
 * the simulated clock's controls: beside the tab list, not in it (a tablist holds only tabs).
 */
export function ResultTabs(props: {
  slug: string;
  clock: boolean;
  run: ReturnType<typeof useRun>;
  panelsRef: RefObject<HTMLDivElement | null>;
  onGoToLine(line: number): void;
}) {
  const { running, lines, result, view, tab, setTab, advance } = props.run;
  return (
    <div className="lab-panels" id="lab-results" ref={props.panelsRef}>
      <div className="tabs">
        <div className="tab-row" role="tablist" aria-label="Results">
          {TABS.map((t) => (
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
        </div>
        {props.clock && (
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
            onDownload={() => void downloadOutput(props.slug)}
            onGoToLine={props.onGoToLine}
          />
        )}
        {tab === 'checks' && (
          <ChecksPanel
            checks={result?.checks ?? []}
            ran={Boolean(result)}
            error={result?.error}
            onGoToLine={props.onGoToLine}
          />
        )}
        {tab === 'checks' && result?.passed === true && <NextStepsPanel exercise={props.slug} />}
        {tab === 'inspector' && (
          <ErrorBoundary label="inspector" resetKey={String(view?.now)}>
            <Inspector view={view} />
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}
