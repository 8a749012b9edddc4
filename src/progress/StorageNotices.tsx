import { useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { clearNotice, getNotices, subscribeNotices } from '../store/notices';

/**
 * The shell's banner for saved progress: a save the browser refused, saved data set aside. Shown
 * the moment it happens (an alert, so screen readers say it at once), with where to act on it.
 * Dismissing hides what is there; a save that fails again brings its notice back.
 */
export function StorageNotices() {
  const notices = useSyncExternalStore(subscribeNotices, getNotices, getNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="alert">
      {notices.map((n) => (
        <p key={n.key}>
          {n.text}
          {n.link && (
            <>
              {' '}
              <Link href={n.link.href}>{n.link.label} →</Link>
            </>
          )}
        </p>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          for (const n of notices) clearNotice(n.key);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
