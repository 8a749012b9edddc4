import type { AwsError } from './errors';

/**
 * The one pagination helper every service uses. A page is `limit` items from the offset an opaque
 * token names; the token also names the listing it belongs to (`scope`), so a token from another
 * operation, or an altered one, is refused with the calling service's own error (`invalid`).
 * Secrets Manager and SSM call it NextToken, KMS calls it Marker: same token, same code.
 */
export interface PageRequest {
  limit: number;
  token: string | undefined;
  scope: string;
  invalid: () => AwsError;
}

export interface Page<T> {
  items: T[];
  /** The token for the next page; absent on the last one. */
  next?: string;
}

export function encodeToken(scope: string, offset: number): string {
  return btoa(JSON.stringify({ s: scope, o: offset }));
}

/** The offset a token names (0 without a token); throws `invalid()` for a token this listing did not issue. */
export function tokenOffset(request: Pick<PageRequest, 'token' | 'scope' | 'invalid'>): number {
  if (request.token === undefined || request.token === '') return 0;
  try {
    const parsed = JSON.parse(atob(request.token)) as { s?: unknown; o?: unknown };
    if (parsed.s === request.scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o;
  } catch {
    // not one of ours: fall through
  }
  throw request.invalid();
}

/** One page of a list that is already filtered and sorted. */
export function paginate<T>(items: readonly T[], request: PageRequest): Page<T> {
  const start = tokenOffset(request);
  const page = items.slice(start, start + request.limit);
  const end = start + page.length;
  return end < items.length ? { items: page, next: encodeToken(request.scope, end) } : { items: page };
}

/**
 * One page from a source that can produce items from an offset (a sorted index), so the cost is
 * the page, not the whole listing: `take(offset, count)` returns up to `count` items from `offset`
 * and whether more follow.
 */
export function paginateFrom<T>(
  take: (offset: number, count: number) => { items: T[]; more: boolean },
  request: PageRequest,
): Page<T> {
  const start = tokenOffset(request);
  const { items, more } = take(start, request.limit);
  return more ? { items, next: encodeToken(request.scope, start + items.length) } : { items };
}
