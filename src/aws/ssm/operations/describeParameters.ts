import { indexPage } from '../../core/orderedIndex';
import type { OperationContext } from '../../core/service';
import { authorizeAccountWide } from '../authorize';
import { invalidFilterKey, invalidNextToken, validationError } from '../errors';
import { matchesFilters, parseStringFilters } from '../filters';
import { byName } from '../names';
import { metadataResponse } from '../responses';
import { latestVersion, type StoredParameter, ssmState } from '../state';
import { maxResults, objectList, optionalString } from '../validate';

/** The deprecated `Filters` (ParametersFilter): keys Name (prefix), Type and KeyId (exact). */
interface LegacyFilter {
  Key: 'Name' | 'Type' | 'KeyId';
  Values: string[];
}

function parseLegacyFilters(input: Record<string, unknown>): LegacyFilter[] {
  return (objectList(input, 'Filters') ?? []).map((f) => {
    if (f.Key !== 'Name' && f.Key !== 'Type' && f.Key !== 'KeyId') {
      throw invalidFilterKey(
        `The following filter key is not valid: ${String(f.Key)}. Valid filter keys include: [Name, Type, KeyId].`,
      );
    }
    const values = Array.isArray(f.Values) ? f.Values.filter((v): v is string => typeof v === 'string') : [];
    if (values.length === 0) {
      throw validationError(
        `1 validation error detected: Value null at 'filters.1.member.values' failed to satisfy constraint: Member must not be null`,
      );
    }
    return { Key: f.Key, Values: values };
  });
}

function matchesLegacy(p: StoredParameter, filters: LegacyFilter[]): boolean {
  const v = latestVersion(p);
  return filters.every((f) => {
    if (f.Key === 'Name') return f.Values.some((x) => p.Name.startsWith(x));
    if (f.Key === 'Type') return f.Values.includes(v.Type);
    return v.KeyId !== undefined && f.Values.includes(v.KeyId);
  });
}

/**
 * DescribeParameters: metadata (never values) of the latest version of every parameter that passes
 * the filters, sorted by name. `Filters` and `ParameterFilters` can't be combined. MaxResults 1–50.
 */
export function describeParameters(ctx: OperationContext, input: Record<string, unknown>) {
  const legacy = parseLegacyFilters(input);
  const filters = parseStringFilters(input, 'DescribeParameters');
  if (legacy.length > 0 && filters.length > 0) {
    throw validationError('You can use either Filters or ParameterFilters in a single request.');
  }
  const limit = maxResults(input, 50, 10);
  const token = optionalString(input, 'NextToken');
  authorizeAccountWide(ctx, 'DescribeParameters');
  const state = ssmState(ctx);
  const { items, next: nextToken } = indexPage(
    state.parameters,
    () => byName(state),
    { limit, token, scope: 'describe', invalid: invalidNextToken },
    (p) => matchesLegacy(p, legacy) && matchesFilters(p, filters),
  );
  return { Parameters: items.map((p) => metadataResponse(ctx, p)), ...(nextToken ? { NextToken: nextToken } : {}) };
}
