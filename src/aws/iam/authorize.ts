import type { OperationContext } from '../core/service';

/**
 * IAM authorizes `iam:<Action>` on the entity the request names (the user, role, group or policy
 * ARN), or on `*` for actions without a resource (ListUsers, ListRoles, ListPolicies). The
 * account's administrator (keys the emulator did not issue) is allowed everything.
 */
export function authorizeIam(ctx: OperationContext, action: string, resource: string): void {
  ctx.authorize(`iam:${action}`, resource);
}
