import type { Dict } from '../../core/dict';
import { indexPage, walkIndex } from '../../core/orderedIndex';
import { encodeToken, type Page, type PageRequest, tokenOffset } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizeAccountWide } from '../authorize';
import { invalidNextToken } from '../errors';
import { matchesFilters, parseFilters } from '../filters';
import { listEntryShape } from '../responses';
import type { SecretRecord } from '../state';
import { byCreatedDate, listingVersions, smState } from '../state';
import { constraint, type Input, optBool, optInt, optString } from '../validate';

const SORT_BY = ['created-date', 'last-accessed-date', 'last-changed-date', 'name'] as const;
const SORT_ORDER = ['asc', 'desc'] as const;

function sortKey(secret: SecretRecord, by: (typeof SORT_BY)[number]): string | number {
  switch (by) {
    case 'name':
      return secret.Name;
    case 'last-accessed-date':
      return secret.LastAccessedDate ?? 0;
    case 'last-changed-date':
      return secret.LastChangedDate;
    default:
      return secret.CreatedDate;
  }
}

function oneOf<T extends string>(input: Input, name: string, allowed: readonly T[]): T | undefined {
  const v = optString(input, name);
  if (v !== undefined && !(allowed as readonly string[]).includes(v)) {
    throw constraint(name, v, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return v as T | undefined;
}

/**
 * ListSecrets: metadata only, never values. Secrets scheduled for deletion are left out unless
 * IncludePlannedDeletion. Ordered by CreatedDate (or SortBy), ascending unless SortOrder is desc;
 * MaxResults 1–100.
 */
export function listSecrets(ctx: OperationContext, input: Input) {
  const includeDeleted = optBool(input, 'IncludePlannedDeletion') ?? false;
  const maxResults = optInt(input, 'MaxResults', { min: 1, max: 100 }) ?? 100;
  const nextToken = optString(input, 'NextToken', { min: 1, max: 4096 });
  const filters = parseFilters(input) ?? [];
  const order = oneOf(input, 'SortOrder', SORT_ORDER) ?? 'asc';
  const by = oneOf(input, 'SortBy', SORT_BY) ?? 'created-date';
  authorizeAccountWide(ctx, 'ListSecrets');
  const { secrets: map } = smState(ctx);
  const keep = (s: SecretRecord) => (includeDeleted || s.DeletedDate === undefined) && matchesFilters(ctx, s, filters);
  const request = {
    limit: maxResults,
    token: nextToken,
    scope: `ListSecrets:${by}:${order}`,
    invalid: invalidNextToken,
  };
  const { items: page, next: NextToken } =
    by === 'created-date' ? createdDatePage(map, order, keep, request) : sortedPage(map, by, order, keep, request);
  return { SecretList: page.map((s) => listEntryShape(ctx, s)), NextToken };
}

/**
 * The default order (CreatedDate) reads one page from an index kept beside the map (core/orderedIndex.ts):
 * the cost is the secrets walked, not the store. Ties keep creation order in both directions.
 */
function createdDatePage(
  map: Dict<SecretRecord>,
  order: 'asc' | 'desc',
  keep: (s: SecretRecord) => boolean,
  request: PageRequest,
): Page<SecretRecord> {
  return indexPage(map, () => byCreatedDate(map, order), request, keep);
}

/**
 * The other orders (by name, by a date that changes) page through the whole store sorted once per
 * `listingVersions` (state.ts): a page walks from its position, filtering as it goes, so paging
 * through a list costs the pages, and only a change that can move a secret (stored, removed, a date
 * written) costs the next listing a sort. The sort is the one every page made before: by the key,
 * ties by CreatedDate, both reversed for desc, remaining ties in the map's order (a stable sort).
 */
function sortedPage(
  map: Dict<SecretRecord>,
  by: (typeof SORT_BY)[number],
  order: 'asc' | 'desc',
  keep: (s: SecretRecord) => boolean,
  request: PageRequest,
): Page<SecretRecord> {
  for (;;) {
    const index = { keys: sortedNames(map, by, order), sortKey: () => 0 };
    const walked = walkIndex(map, index, tokenOffset(request), request.limit, keep);
    if (walked === 'stale') {
      sorted.delete(map); // a secret left the map without removeSecret: sort again
      continue;
    }
    return walked.next === undefined
      ? { items: walked.items }
      : { items: walked.items, next: encodeToken(request.scope, walked.next) };
  }
}

interface Sorted {
  names: string[];
  membership: number;
  dates: number;
}

/** By secrets map, then by `<SortBy>:<SortOrder>`: the names in that order, and the versions they were sorted at. */
const sorted = new WeakMap<object, Map<string, Sorted>>();

function sortedNames(map: Dict<SecretRecord>, by: (typeof SORT_BY)[number], order: 'asc' | 'desc'): string[] {
  const { membership, dates } = listingVersions;
  let byOrder = sorted.get(map);
  if (!byOrder) {
    byOrder = new Map();
    sorted.set(map, byOrder);
  }
  const known = byOrder.get(`${by}:${order}`);
  // The name order moves only when secrets come and go; the date orders also when a date is written.
  if (known && known.membership === membership && (by === 'name' || known.dates === dates)) return known.names;
  const direction = order === 'asc' ? 1 : -1;
  const names = Object.keys(map).sort((p, q) => {
    const a = map[p] as SecretRecord;
    const b = map[q] as SecretRecord;
    const x = sortKey(a, by);
    const y = sortKey(b, by);
    return (x < y ? -1 : x > y ? 1 : a.CreatedDate - b.CreatedDate) * direction;
  });
  byOrder.set(`${by}:${order}`, { names, membership, dates });
  return names;
}
