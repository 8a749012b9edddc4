import type { OperationContext } from '../../core/service';

/**
 * GetCallerIdentity: who signed the request. Needs no permission (an explicit Deny cannot stop it):
 * an IAM user, an assumed-role session, or the account's administrator (the root of the account,
 * for keys the emulator did not issue).
 */
export function getCallerIdentity(ctx: OperationContext) {
  const { caller } = ctx;
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
}
