/**
 * The localStorage key of one course's saved state. Storage belongs to an origin, and a static host
 * often serves several courses from one origin (GitHub Pages: user.github.io/course-a/ and
 * /course-b/), so the key names the course by its base path. A course at the root keeps the key
 * every earlier release used, so nothing moves for it.
 */
export const ROOT_STORAGE_KEY = 'secrets-lab';

export function storageKeyFor(base: string): string {
  // A relative base (`--base ./`) does not say where the course is served: it keeps the root key.
  if (!base.startsWith('/')) return ROOT_STORAGE_KEY;
  const path = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  return path === '/' ? ROOT_STORAGE_KEY : `${ROOT_STORAGE_KEY}@${path}`;
}

/**
 * Releases before the key named the course kept every course's state under ROOT_STORAGE_KEY. A course
 * under a base path that has no state of its own yet starts from a copy of that entry (copied, not
 * moved: another course of the same origin may read it too), so an upgrade loses nobody's progress.
 */
export function adoptEarlierEntry(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, key: string): void {
  if (!storage || key === ROOT_STORAGE_KEY) return;
  try {
    if (storage.getItem(key) !== null) return;
    const earlier = storage.getItem(ROOT_STORAGE_KEY);
    if (earlier !== null) storage.setItem(key, earlier);
  } catch {
    /* unreadable or full storage: the course starts from defaults, as without an earlier entry */
  }
}
