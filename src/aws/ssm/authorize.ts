import type { OperationContext } from '../core/service';
import { actionName, type RequestContext, resourceTagKeys } from '../policy';
import { findParameter, parameterArn } from './names';
import { ssmState } from './state';

/**
 * Parameter Store authorization: `ssm:<Operation>` on the parameter's ARN
 * (`arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>`), with the
 * parameter's tags as `aws:ResourceTag/<key>` / `ssm:resourceTag/<key>`. Authorization comes before
 * existence: a caller without access to a name learns nothing about it (AccessDenied, not NotFound).
 */
export function authorizeParameter(
  ctx: OperationContext,
  operation: string,
  name: string,
  extra: RequestContext = {},
): void {
  // The tags are looked up only when there is a principal to evaluate (see AuthorizeFn).
  ctx.authorize(actionName('ssm', operation), parameterArn(ctx, name), () =>
    Object.assign(resourceTagKeys(findParameter(ssmState(ctx), name)?.Tags, 'ssm'), extra),
  );
}

/**
 * GetParametersByPath is authorized on the path itself, `parameter/<path without leading slash>`
 * (so `parameter/pettracker/dev/*` does not cover Path `/pettracker/dev`, only `/pettracker/dev/`),
 * with `ssm:Recursive`. AWS does not authorize each parameter returned: access to a path is access
 * to everything below it, even a parameter the caller is explicitly denied GetParameter on.
 */
export function authorizePath(ctx: OperationContext, path: string, recursive: boolean): void {
  ctx.authorize('ssm:GetParametersByPath', parameterArn(ctx, path), { 'ssm:Recursive': recursive ? 'true' : 'false' });
}

/** Actions without a resource type (DescribeParameters) are authorized on `arn:aws:ssm:<region>:<account>:*`. */
export function authorizeAccountWide(ctx: OperationContext, operation: string): void {
  ctx.authorize(actionName('ssm', operation), `arn:aws:ssm:${ctx.region}:${ctx.accountId}:*`);
}
