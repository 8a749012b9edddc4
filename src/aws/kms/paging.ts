import { kmsErrors } from './errors';

/**
 * KMS list pagination: `Limit` items per page, an opaque `NextMarker` while `Truncated` is true.
 * The marker encodes the offset of the next item; one not made here is an InvalidMarkerException.
 */
export function page<T>(items: readonly T[], limit: number, marker: string | undefined): { items: T[]; next?: string } {
  let start = 0;
  if (marker !== undefined) {
    const m = /^slk-m-(\d{1,9})$/.exec(marker);
    if (!m) throw kmsErrors.invalidMarker();
    start = Number(m[1]);
  }
  const end = start + limit;
  return { items: items.slice(start, end), ...(end < items.length ? { next: `slk-m-${end}` } : {}) };
}
