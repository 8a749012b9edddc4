import type { Dict } from '../../core/dict';
import { indexPage, orderedIndex } from '../../core/orderedIndex';
import { type Page, type PageRequest, paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizeAccountWide } from '../authorize';
import { invalidNextToken } from '../errors';
import { matchesFilters, parseFilters } from '../filters';
import { listEntryShape } from '../responses';
import type { SecretRecord } from '../state';
import { smState } from '../state';
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
  const sign = order === 'asc' ? 1 : -1;
  return indexPage(map, () => orderedIndex(map, `created-${order}`, (s) => sign * s.CreatedDate), request, keep);
}

/** The other orders (a name, a date that changes) sort what the filters keep on every call. */
function sortedPage(
  map: Dict<SecretRecord>,
  by: (typeof SORT_BY)[number],
  order: 'asc' | 'desc',
  keep: (s: SecretRecord) => boolean,
  request: PageRequest,
): Page<SecretRecord> {
  const direction = order === 'asc' ? 1 : -1;
  const secrets = Object.values(map)
    .filter(keep)
    .sort((a, b) => {
      const x = sortKey(a, by);
      const y = sortKey(b, by);
      return (x < y ? -1 : x > y ? 1 : a.CreatedDate - b.CreatedDate) * direction;
    });
  return paginate(secrets, request);
}
