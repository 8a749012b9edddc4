import { paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizePath } from '../authorize';
import { invalidNextToken } from '../errors';
import { checkPathValue, matchesFilters, parseStringFilters, underPath } from '../filters';
import { parameterResponse } from '../responses';
import { latestVersion, ssmState } from '../state';
import { maxResults, optionalBoolean, optionalString, requiredString } from '../validate';

/**
 * GetParametersByPath: the parameters under Path. Non-recursive returns only direct children (the
 * last level of the name is not part of the path); Recursive returns every level below. With a
 * Label filter each parameter answers with the version that carries the label.
 * MaxResults 1–10 (default 10).
 */
export function getParametersByPath(ctx: OperationContext, input: Record<string, unknown>) {
  const path = requiredString(input, 'Path');
  const recursive = optionalBoolean(input, 'Recursive') ?? false;
  const decrypt = optionalBoolean(input, 'WithDecryption') ?? false;
  const limit = maxResults(input, 10, 10);
  const token = optionalString(input, 'NextToken');
  const filters = parseStringFilters(input, 'GetParametersByPath');
  if (!/^\/aws\//i.test(path)) checkPathValue(path);
  const labelFilter = filters.find((f) => f.Key === 'Label');
  authorizePath(ctx, path, recursive);

  const matching = Object.values(ssmState(ctx).parameters)
    .filter((p) => underPath(p.Name, path, recursive) && matchesFilters(p, filters))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  const { items, next: nextToken } = paginate(matching, {
    limit,
    token,
    scope: `bypath:${path}:${recursive}`,
    invalid: invalidNextToken,
  });
  const Parameters = items.map((p) => {
    const labeled = labelFilter
      ? [...p.history].reverse().find((v) => v.Labels.some((l) => labelFilter.Values.includes(l)))
      : undefined;
    return parameterResponse(ctx, p, labeled ?? latestVersion(p), { decrypt });
  });
  return { Parameters, ...(nextToken ? { NextToken: nextToken } : {}) };
}
