/** IAM ARNs: `arn:aws:iam::<account>:<type><path><name>` (the path starts and ends with `/`). */
export type EntityType = 'user' | 'role' | 'group' | 'policy';

export const entityArn = (accountId: string, type: EntityType, path: string, name: string) =>
  `arn:aws:iam::${accountId}:${type}${path}${name}`;

export const rootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;

/** An AWS managed policy's ARN (`arn:aws:iam::aws:policy/AdministratorAccess`). */
export const AWS_POLICY_PREFIX = 'arn:aws:iam::aws:policy/';

/** The account, path and name of a policy ARN, or undefined when it is not one. */
export function parsePolicyArn(arn: string): { accountId: string; path: string; name: string } | undefined {
  const m = arn.match(/^arn:aws:iam::(\d{12}|aws):policy(\/(?:[\u0021-\u007e]*\/)?)([\w+=,.@-]+)$/);
  return m ? { accountId: m[1] as string, path: m[2] as string, name: m[3] as string } : undefined;
}
