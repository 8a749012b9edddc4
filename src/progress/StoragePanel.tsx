import { useEffect, useState } from 'react';
import { listSetAside, readSetAside, removeSetAside, type SetAsideEntry } from './setAsideEntries';
import { formatBytes, readStorageInfo, requestPersistence, type StorageInfo } from './storageInfo';
import { type OfflineStatus, useOfflineStatus } from './useOfflineStatus';

const OFFLINE_TEXT: Record<OfflineStatus, string> = {
  checking: 'Checking…',
  ready: 'Ready: the whole course, the lab and the quiz work with no network.',
  preparing: 'Saving the app for offline use…',
  unavailable: 'Not available here (the offline copy needs the built app, served over https or from localhost).',
};

/** Where the data lives: the browser's storage use, persistence, the offline copy, set-aside entries. */
export function StoragePanel({ version }: { version: number }) {
  const offline = useOfflineStatus();
  const [info, setInfo] = useState<StorageInfo>();
  const [asked, setAsked] = useState<boolean | undefined>();
  const [setAside, setSetAside] = useState<SetAsideEntry[]>(() => listSetAside());

  // `version` changes after an import or a reset: measure again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect re-runs on purpose.
  useEffect(() => {
    let live = true;
    readStorageInfo().then((i) => live && setInfo(i));
    return () => {
      live = false;
    };
  }, [version, asked]);

  const persist = async () => setAsked((await requestPersistence()) ?? false);

  const download = (entry: SetAsideEntry) => {
    const url = URL.createObjectURL(new Blob([readSetAside(entry.key)], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${entry.key}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section className="progress-card" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage on this device</h2>
      <dl className="progress-facts">
        <dt>Space used</dt>
        <dd data-testid="storage-usage">
          {info?.usage === undefined
            ? 'Unknown (this browser does not report it)'
            : `${formatBytes(info.usage)}${info.quota ? ` of ${formatBytes(info.quota)} available to this site` : ''}`}
        </dd>
        <dt>Kept by the browser</dt>
        <dd>
          {info?.persisted
            ? 'Yes: this browser will not clear your progress to free space.'
            : info?.persisted === false
              ? 'Best effort: under storage pressure the browser may clear it.'
              : 'Unknown'}
          {info?.persisted === false && (
            <>
              {' '}
              <button type="button" className="button progress-inline-button" onClick={persist}>
                Ask to keep my progress
              </button>
            </>
          )}
          {asked === false && (
            <span className="progress-note">
              {' '}
              The browser declined for now; it may agree after more visits, or once the app is installed.
            </span>
          )}
        </dd>
        <dt>Offline copy</dt>
        <dd>{OFFLINE_TEXT[offline]}</dd>
      </dl>
      {setAside.length > 0 && (
        <div className="progress-set-aside">
          <h3>Unreadable saved data</h3>
          <p>
            This saved progress could not be read, so it was set aside instead of being deleted. Download it to recover
            it by hand, then remove it.
          </p>
          <ul>
            {setAside.map((e) => (
              <li key={e.key}>
                <code>{e.key}</code> ({formatBytes(e.size)}){' '}
                <button type="button" className="button progress-inline-button" onClick={() => download(e)}>
                  Download
                </button>{' '}
                <button
                  type="button"
                  className="button progress-inline-button"
                  onClick={() => {
                    removeSetAside(e.key);
                    setSetAside(listSetAside());
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
