import { matchStatement, nearMiss, refOf } from './evaluate';
import { namesSession, type Principal, principalMatch } from './principal';
import { type ContextSource, normalizeContext } from './requestContext';
import type { AuthzRequest, Policy, StatementRef } from './types';

/**
 * A resource-based policy (a secret's resource policy, a KMS key policy) evaluated for one caller.
 * Beyond action, resource and conditions, a statement applies only if its Principal names the
 * caller. An Allow naming the caller (or `*`) grants by itself; an Allow naming the caller's account
 * only delegates to that account's identity-based policies.
 */
export interface ResourcePolicyOutcome {
  deny?: StatementRef;
  /** An Allow naming the caller, its role, or `*`. */
  direct?: StatementRef;
  /** An Allow naming the caller's account (root): the identity-based policies must allow too. */
  account?: StatementRef;
  /** An Allow naming the role session itself or `*`: session policies do not bound it. */
  unbounded?: StatementRef;
  misses: string[];
}

/** `context`: the request's context normalized, when the caller has it already (authorize.ts). */
export function evaluateResourcePolicy(
  policy: Policy,
  principal: Principal,
  request: AuthzRequest,
  context: ContextSource = normalizeContext(request.context),
): ResourcePolicyOutcome {
  const outcome: ResourcePolicyOutcome = { misses: [] };
  for (const statement of policy.statements) {
    let named: 'direct' | 'account' | undefined;
    if (statement.principal) named = principalMatch(statement.principal, principal);
    else if (statement.notPrincipal) named = principalMatch(statement.notPrincipal, principal) ? undefined : 'direct';
    const matched = matchStatement(policy, statement, request, context);
    const match = matched.applies && !named ? ({ applies: false, because: 'principal' } as const) : matched;
    if (!match.applies) {
      const miss = match.because === 'action' ? undefined : nearMiss(refOf(policy, statement), statement.effect, match);
      if (miss) outcome.misses.push(miss);
      continue;
    }
    const ref = refOf(policy, statement);
    if (statement.effect === 'Deny') {
      outcome.deny ??= ref;
    } else if (named === 'direct') {
      outcome.direct ??= ref;
      if (statement.principal && namesSession(statement.principal, principal)) outcome.unbounded ??= ref;
    } else {
      outcome.account ??= ref;
    }
  }
  return outcome;
}
