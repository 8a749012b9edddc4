import { parsePolicy } from './parsePolicy';
import type { Policy, PolicyInput, PrincipalSpec, RequestContext } from './types';

/**
 * Who the emulator runs as. A role ARN stands for a session of that role (what a Lambda function's
 * execution role gives its code), so AWS's error messages name the session,
 * `arn:aws:sts::<account>:assumed-role/<role>/<session>`, while `aws:PrincipalArn` is the role.
 */
export interface PrincipalInput {
  /** `arn:aws:iam::<account>:role/<name>`, `...:user/<name>`, `...:root` or an assumed-role session ARN. */
  arn: string;
  /** The identity-based policies attached to the role or user. */
  policies: PolicyInput[];
  /** The role session name (default: the role name, as Lambda names its execution sessions after the function). */
  sessionName?: string;
  /** Principal tags, for `aws:PrincipalTag/<key>` conditions. */
  tags?: Record<string, string>;
  /** A role session's session policies (AssumeRole `Policy` and `PolicyArns`): they bound what it may do. */
  sessionPolicies?: PolicyInput[];
}

export interface Principal {
  input: PrincipalInput;
  accountId: string;
  type: 'AssumedRole' | 'User' | 'Account';
  /** The ARN AWS's messages name (`User: <callerArn> is not authorized...`). */
  callerArn: string;
  /** `aws:PrincipalArn`: the role (not the session), the user, or the account root. */
  principalArn: string;
  policies: Policy[];
  /** Present for a role session given session policies: an allow needs them too (see authorize.ts). */
  sessionPolicies?: Policy[];
}

const ROLE = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;
const USER = /^arn:(aws[a-z-]*):iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;
const ROOT = /^arn:(aws[a-z-]*):iam::(\d{12}):root$/;

/** Validates the ARN and every policy (throws MalformedPolicyDocumentError or Error). */
export function toPrincipal(input: PrincipalInput): Principal {
  const policies = input.policies.map((p) => parsePolicy(p, 'identity'));
  const session = input.sessionPolicies?.map((p) => parsePolicy(p, 'identity'));
  const sessionPolicies = session ? { sessionPolicies: session } : {};
  const role = input.arn.match(ROLE);
  if (role) {
    const [, partition, account, name] = role as unknown as [string, string, string, string];
    return {
      input,
      accountId: account,
      type: 'AssumedRole',
      callerArn: `arn:${partition}:sts::${account}:assumed-role/${name}/${input.sessionName ?? name}`,
      principalArn: input.arn,
      policies,
      ...sessionPolicies,
    };
  }
  const sessionArn = input.arn.match(SESSION);
  if (sessionArn) {
    const [, partition, account, name] = sessionArn as unknown as [string, string, string, string];
    return {
      input,
      accountId: account,
      type: 'AssumedRole',
      callerArn: input.arn,
      principalArn: `arn:${partition}:iam::${account}:role/${name}`,
      policies,
      ...sessionPolicies,
    };
  }
  const user = input.arn.match(USER) ?? input.arn.match(ROOT);
  if (user) {
    const account = user[2] as string;
    const isRoot = input.arn.endsWith(':root');
    return {
      input,
      accountId: account,
      type: isRoot ? 'Account' : 'User',
      callerArn: input.arn,
      principalArn: input.arn,
      policies,
    };
  }
  throw new Error(
    `Not a principal ARN: ${input.arn} (expected arn:aws:iam::<account>:role/<name>, :user/<name>, :root or arn:aws:sts::<account>:assumed-role/<role>/<session>)`,
  );
}

/** The global condition keys that describe the caller. */
export function principalContext(p: Principal): RequestContext {
  const context: RequestContext = {
    'aws:PrincipalArn': p.principalArn,
    'aws:PrincipalAccount': p.accountId,
    'aws:PrincipalType': p.type,
  };
  if (p.type === 'User') context['aws:username'] = p.principalArn.split('/').pop();
  for (const [k, v] of Object.entries(p.input.tags ?? {})) context[`aws:PrincipalTag/${k}`] = v;
  return context;
}

/**
 * How a resource policy's Principal element names the caller: `direct` (the caller itself, its
 * role, or `*`), `account` (the caller's account, `123456789012` or `arn:aws:iam::123456789012:root`,
 * which delegates the decision to that account's identity-based policies), or not at all.
 */
export function principalMatch(spec: PrincipalSpec, p: Principal): 'direct' | 'account' | undefined {
  if (spec === '*') return 'direct';
  let result: 'direct' | 'account' | undefined;
  for (const id of spec.AWS ?? []) {
    if (id === '*' || id === p.principalArn || id === p.callerArn) return 'direct';
    if (id === p.accountId || id === `arn:aws:iam::${p.accountId}:root`) result = 'account';
  }
  return result;
}

/**
 * Whether a Principal element names the role session itself (its session ARN) or everyone (`*`):
 * such a resource-policy Allow is not bounded by the session's session policies, while one that
 * names the role (or a user) is.
 */
export function namesSession(spec: PrincipalSpec, p: Principal): boolean {
  if (spec === '*') return true;
  return (spec.AWS ?? []).some((id) => id === '*' || (p.callerArn !== p.principalArn && id === p.callerArn));
}
