import { keptPerObject, keptPerObjectForLast } from '../core/memo';
import { describeRef, evaluatePolicies } from './evaluate';
import { parsePolicy } from './parsePolicy';
import type { Principal } from './principal';
import { type ContextSource, normalizeContext } from './requestContext';
import { evaluateResourcePolicy, type ResourcePolicyOutcome } from './resourcePolicy';
import type { AuthzRequest, Decision, DecisionKind, PolicyInput, StatementRef } from './types';

/** A resource-based policy that takes part in a request. */
export interface ResourcePolicyInput extends PolicyInput {
  /**
   * A KMS key policy: unlike other resource policies it is the root of access to the key. Identity
   * policies count only where the key policy delegates to the account (`"AWS": "arn:...:root"`),
   * so a key policy that names no one for an action denies it whatever IAM says.
   */
  keyPolicy?: boolean;
  /**
   * A role's trust policy (AssumeRole): the same rule as a key policy (it must allow the caller, or
   * name the caller's account and let the identity policies decide).
   */
  trust?: boolean;
}

/**
 * A KMS grant that allows the request (grants only allow: they are consulted after every explicit
 * Deny, and allow on their own, needing neither the key policy nor IAM).
 */
export interface GrantAllowance {
  grantId: string;
  name?: string;
  /**
   * The grant names the caller's account, not the caller: it delegates to the account, so the
   * caller's identity-based policies (within any session policy) must allow the request too.
   */
  delegated?: boolean;
}

/** What the call log records for each authorization: the decision and the statement that made it. */
export interface AuthorizationRecord {
  action: string;
  resource: string;
  decision: DecisionKind;
  statement?: StatementRef & { policyType: 'identity' | 'resource' | 'grant' | 'session' };
  reason: string;
}

export interface AuthorizationOutcome {
  record: AuthorizationRecord;
  /** AWS's AccessDeniedException message when the decision is not Allow. */
  denialMessage?: string;
}

type PolicyType = 'identity' | 'resource' | 'grant' | 'session';

/** A refusal: its record and AWS's AccessDeniedException message. */
function deny(
  args: { principal: Principal; request: AuthzRequest; messageResource?: string | undefined },
  decision: DecisionKind,
  why: string,
  ref: StatementRef | undefined,
  type: PolicyType,
  reason: string,
): AuthorizationOutcome {
  const { principal, request } = args;
  return {
    record: recordOf(request, decision, ref, type, reason),
    denialMessage: `User: ${principal.callerArn} is not authorized to perform: ${request.action} on resource: ${args.messageResource ?? request.resource} ${why}`,
  };
}

/**
 * A record (action, resource, decision, statement, reason), written out as literals rather than
 * spread from parts: V8 builds an object literal with spreads several times slower, and every
 * authorization of a signed request builds one.
 */
function recordOf(
  request: AuthzRequest,
  decision: DecisionKind,
  ref: StatementRef | undefined,
  policyType: PolicyType,
  reason: string,
): AuthorizationRecord {
  const { action, resource } = request;
  if (!ref) return { action, resource, decision, reason };
  const statement =
    ref.sid !== undefined
      ? { policyName: ref.policyName, sid: ref.sid, index: ref.index, policyType }
      : { policyName: ref.policyName, index: ref.index, policyType };
  return { action, resource, decision, statement, reason };
}

/**
 * An Allow's record, one frozen object per deciding statement kept for the last policy type,
 * action, resource and reason it was made for: the same call repeated (the usual load) shares one
 * record across its call-log entries instead of keeping new objects and strings per request (the
 * log holds 10,000 entries, and what it holds is what every garbage collection walks). A record is
 * a pure function of those inputs, and only ever read. Any other request builds its own.
 */
const sharedAllow = keptPerObjectForLast(
  (ref: StatementRef, action: string, resource: string, policyType: string, reason: string) => {
    const record = recordOf({ action, resource }, 'Allow', ref, policyType as PolicyType, reason);
    Object.freeze(record.statement);
    return Object.freeze(record);
  },
);
function allowRecord(
  request: AuthzRequest,
  ref: StatementRef | undefined,
  policyType: PolicyType,
  reason: string,
): AuthorizationRecord {
  if (!ref) return recordOf(request, 'Allow', ref, policyType, reason);
  return sharedAllow(ref, request.action, request.resource, policyType, reason);
}

/** `Allowed by <statement> (resource-based policy).`, kept per statement reference (refOf shares them). */
const resourceAllowReason = keptPerObject(
  (ref: StatementRef) => `Allowed by ${describeRef(ref)} (resource-based policy).`,
);

/**
 * AWS's policy evaluation logic for one request, identity-based and resource-based policies together:
 * 1. an explicit Deny in either kind wins;
 * 2. same account: an Allow in either kind allows, except that a KMS key policy must allow the
 *    caller itself or delegate to the account, in which case the identity policies must allow;
 * 3. across accounts: both sides must allow (the resource policy naming the caller or its account);
 * 4. else a KMS grant for the caller allows (a grant allows on its own but never beats a Deny; a
 *    grant to the caller's account allows only what the caller's identity policies allow);
 * 5. otherwise the request is implicitly denied.
 */
export function authorizeRequest(args: {
  principal: Principal;
  /** The account that owns the resource (the request's account). */
  resourceAccount: string;
  request: AuthzRequest;
  resourcePolicy?: ResourcePolicyInput;
  /** How the denial message names the resource, when AWS names it differently from the ARN evaluated. */
  messageResource?: string;
  /** The grant that allows this request to this principal, if any (KMS). */
  grant?: (principal: Principal) => GrantAllowance | undefined;
  /** The request's condition keys already normalized, or pending (authorizer.ts); else `request.context` is. */
  context?: ContextSource;
}): AuthorizationOutcome {
  const { principal, request } = args;
  const context = args.context ?? normalizeContext(request.context);
  const identity = evaluatePolicies(principal.policies, request, context);
  // A role session's session policies (AssumeRole Policy / PolicyArns) bound what the role's
  // policies and resource policies can allow: the effective permissions are the intersection.
  const session = principal.sessionPolicies ? evaluatePolicies(principal.sessionPolicies, request, context) : undefined;
  const limited = session !== undefined && session.decision !== 'Allow';
  const resource = resourceOutcome(args, context);
  const sameAccount = principal.accountId === args.resourceAccount;
  if (identity.decision === 'ExplicitDeny') {
    return deny(
      args,
      'ExplicitDeny',
      'with an explicit deny in an identity-based policy',
      identity.statement,
      'identity',
      identity.reason,
    );
  }
  if (session?.decision === 'ExplicitDeny') {
    return deny(
      args,
      'ExplicitDeny',
      'with an explicit deny in a session policy',
      session.statement,
      'session',
      session.reason,
    );
  }
  if (resource?.deny) {
    return deny(
      args,
      'ExplicitDeny',
      'with an explicit deny in a resource-based policy',
      resource.deny,
      'resource',
      `Explicit deny: ${describeRef(resource.deny)} denies ${request.action} on ${request.resource}.`,
    );
  }
  const controlling = (args.resourcePolicy?.keyPolicy || args.resourcePolicy?.trust) ?? false;
  let allowed = decideAllow(identity, resource, sameAccount, controlling);
  const unbounded = resource?.unbounded ? { misses: [], direct: resource.unbounded } : undefined;
  const beyondSession =
    allowed && limited && unbounded
      ? decideAllow({ decision: 'ImplicitDeny', reason: '' }, unbounded, sameAccount, controlling)
      : undefined;
  if (beyondSession) allowed = beyondSession;
  else if (allowed && limited) {
    return deny(
      args,
      'ImplicitDeny',
      `because no session policy allows the ${request.action} action`,
      undefined,
      'session',
      `Implicit deny: ${allowed.reason} But no session policy of this role session allows ${request.action} on ${request.resource}.`,
    );
  }
  if (allowed) return { record: allowRecord(request, allowed.ref, allowed.type, allowed.reason) };
  const grant = args.grant?.(principal);
  const grantHolds = grant && (!grant.delegated || (identity.decision === 'Allow' && !limited));
  if (grant && grantHolds) {
    const policyName = `grant ${grant.grantId}`;
    const ref: StatementRef = grant.name ? { policyName, sid: grant.name, index: 0 } : { policyName, index: 0 };
    const named = grant.name ? ` (Name "${grant.name}")` : '';
    return { record: recordOf(request, 'Allow', ref, 'grant', `Allowed by grant ${grant.grantId}${named}.`) };
  }

  const resourceMissing =
    (controlling && !resource?.direct && !resource?.account) ||
    (!sameAccount && !resource?.direct && !resource?.account);
  const why = resourceMissing
    ? `because no resource-based policy allows the ${request.action} action`
    : `because no identity-based policy allows the ${request.action} action`;
  const misses = resource?.misses.length ? ` Resource policy near misses: ${resource.misses.join('; ')}.` : '';
  const reason = resourceMissing
    ? `Implicit deny: the ${args.resourcePolicy?.keyPolicy ? 'key' : args.resourcePolicy?.trust ? 'trust' : 'resource'} policy "${args.resourcePolicy?.name ?? 'none'}" does not allow ${request.action} for this principal.${misses}`
    : `${identity.reason}${misses}`;
  return deny(args, 'ImplicitDeny', why, undefined, 'identity', reason);
}

function resourceOutcome(
  args: Parameters<typeof authorizeRequest>[0],
  context: ContextSource,
): ResourcePolicyOutcome | undefined {
  if (!args.resourcePolicy) return undefined;
  let policy: ReturnType<typeof parsePolicy>;
  try {
    policy = parsePolicy(args.resourcePolicy, 'resource');
  } catch {
    return undefined; // a document IAM could not parse grants nothing
  }
  return evaluateResourcePolicy(policy, args.principal, args.request, context);
}

function decideAllow(
  identity: Decision,
  resource: ResourcePolicyOutcome | undefined,
  sameAccount: boolean,
  keyPolicy: boolean,
): { ref?: StatementRef; type: 'identity' | 'resource'; reason: string } | undefined {
  const identityAllows = identity.decision === 'Allow';
  const viaResource = resource?.direct
    ? {
        ref: resource.direct,
        type: 'resource' as const,
        reason: resourceAllowReason(resource.direct),
      }
    : undefined;
  const viaIdentity = identityAllows
    ? { ref: identity.statement, type: 'identity' as const, reason: identity.reason }
    : undefined;
  if (!sameAccount) {
    return identityAllows && (resource?.direct || resource?.account) ? viaIdentity : undefined;
  }
  if (keyPolicy) {
    if (viaResource) return viaResource;
    return resource?.account && identityAllows ? viaIdentity : undefined;
  }
  return viaIdentity ?? viaResource;
}
