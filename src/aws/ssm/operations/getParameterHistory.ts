import { paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizeParameter } from '../authorize';
import { invalidNextToken, parameterNotFound } from '../errors';
import { findParameter, nameFromNameOrArn } from '../names';
import { historyResponse } from '../responses';
import { ssmState } from '../state';
import { maxResults, optionalBoolean, optionalString, requiredString } from '../validate';

/** Every kept version, oldest first, with Labels, Tier and Policies. MaxResults 1–50 (default 50). */
export function getParameterHistory(ctx: OperationContext, input: Record<string, unknown>) {
  const raw = requiredString(input, 'Name');
  const decrypt = optionalBoolean(input, 'WithDecryption') ?? false;
  const limit = maxResults(input, 50, 50);
  const token = optionalString(input, 'NextToken');
  const state = ssmState(ctx);
  authorizeParameter(ctx, 'GetParameterHistory', nameFromNameOrArn(state, raw));
  const parameter = findParameter(state, nameFromNameOrArn(state, raw));
  if (!parameter) throw parameterNotFound(raw);
  const { items, next: nextToken } = paginate(parameter.history, {
    limit,
    token,
    scope: `history:${parameter.Name}`,
    invalid: invalidNextToken,
  });
  return {
    Parameters: items.map((v) => historyResponse(ctx, parameter, v, decrypt)),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}
