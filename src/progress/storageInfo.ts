/**
 * The browser's storage for this site: how much is used, and whether it is "persistent" (kept
 * under storage pressure, cleared only by the learner) or "best effort" (the browser may evict it).
 * Every call degrades to "unknown" where the Storage API is missing (old browsers, some webviews).
 */
export interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

const api = (): StorageManager | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

export async function readStorageInfo(): Promise<StorageInfo> {
  const storage = api();
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => undefined),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Asks the browser to keep this site's data; resolves to whether it now is persistent. */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    return await api()?.persist?.();
  } catch {
    return undefined;
  }
}

/** 1536 → "1.5 KB", 27_000_000 → "25.7 MB" (binary units, as browsers report quota). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
