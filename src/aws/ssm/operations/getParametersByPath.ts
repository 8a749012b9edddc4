import { indexPage, lowerBound } from '../../core/orderedIndex';
import type { OperationContext } from '../../core/service';
import { authorizePath } from '../authorize';
import { invalidNextToken } from '../errors';
import { checkPathValue, matchesFilters, parseStringFilters, underPath } from '../filters';
import { byName } from '../names';
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

  // One page from the name index: the walk starts where the path's names begin and ends past them.
  const state = ssmState(ctx);
  const base = path.replace(/\/+$/, '');
  const prefix = `${base}/`;
  const { items, next: nextToken } = indexPage(
    state.parameters,
    () => byName(state),
    { limit, token, scope: `bypath:${path}:${recursive}`, invalid: invalidNextToken },
    (p) => underPath(p.Name, path, recursive) && matchesFilters(p, filters),
    (index) => (base === '' ? 0 : lowerBound(index, prefix)),
    (p) => base !== '' && !p.Name.startsWith(prefix) && p.Name > prefix,
  );
  const Parameters = items.map((p) => {
    const labeled = labelFilter
      ? [...p.history].reverse().find((v) => v.Labels.some((l) => labelFilter.Values.includes(l)))
      : undefined;
    return parameterResponse(ctx, p, labeled ?? latestVersion(p), { decrypt });
  });
  return { Parameters, ...(nextToken ? { NextToken: nextToken } : {}) };
}
