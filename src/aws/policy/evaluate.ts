import { firstFailingClause } from './conditions';
import { type NormalizedContext, normalizeContext } from './requestContext';
import type { AuthzRequest, Decision, Policy, PolicyStatement, StatementRef } from './types';
import { arnMatch, wildcardMatch } from './wildcard';

/**
 * IAM policy evaluation for one set of policies:
 * an explicit Deny in any matching statement wins; otherwise a matching Allow allows; otherwise the
 * request is implicitly denied. Actions match case-insensitively (`SSM:getparameter*`), resources
 * case-sensitively with IAM's ARN wildcards.
 */

/** Why a statement did or did not apply to a request. */
export type StatementMatch =
  | { applies: true }
  | { applies: false; because: 'action' | 'resource' | 'principal' }
  | { applies: false; because: 'condition'; operator: string; key: string };

export function refOf(policy: Policy, statement: PolicyStatement): StatementRef {
  return { policyName: policy.name, ...(statement.sid ? { sid: statement.sid } : {}), index: statement.index };
}

/** `statement 1 (Sid "AllowDecrypt") of policy "ssm-read"`. */
export function describeRef(ref: StatementRef): string {
  return `statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ''} of policy "${ref.policyName}"`;
}

export function actionMatches(statement: PolicyStatement, action: string): boolean {
  const hit = (patterns: string[]) => patterns.some((p) => wildcardMatch(p, action, { ignoreCase: true }));
  return statement.actions ? hit(statement.actions) : !hit(statement.notActions ?? []);
}

export function resourceMatches(
  statement: PolicyStatement,
  resource: string,
  variables: NormalizedContext | undefined,
): boolean {
  const hit = (patterns: string[]) => patterns.some((p) => arnMatch(p, resource, { variables }));
  if (statement.resources) return hit(statement.resources);
  if (statement.notResources) return !hit(statement.notResources);
  return true; // a resource-based policy statement without Resource applies to the resource it is attached to
}

/** Action, then resource, then conditions (the principal is the resource-policy layer's business). */
export function matchStatement(
  policy: Policy,
  statement: PolicyStatement,
  request: AuthzRequest,
  context: NormalizedContext,
): StatementMatch {
  if (!actionMatches(statement, request.action)) return { applies: false, because: 'action' };
  const variables = policy.version === '2012-10-17' ? context : undefined;
  if (!resourceMatches(statement, request.resource, variables)) return { applies: false, because: 'resource' };
  const failing = firstFailingClause(statement.conditions, context, variables);
  if (failing) return { applies: false, because: 'condition', operator: failing.operator, key: failing.key };
  return { applies: true };
}

/** A near miss in words, for an implicit deny's explanation. */
export function nearMiss(ref: StatementRef, effect: string, match: StatementMatch): string | undefined {
  if (match.applies) return undefined;
  const what = describeRef(ref);
  switch (match.because) {
    case 'action':
      return undefined;
    case 'resource':
      return `${what} (${effect}) names the action but not this resource`;
    case 'principal':
      return `${what} (${effect}) does not name this principal`;
    case 'condition':
      return `${what} (${effect}) matches but its condition ${match.operator} ${match.key} is not met`;
  }
}

export function evaluatePolicies(policies: readonly Policy[], request: AuthzRequest): Decision {
  const context = normalizeContext(request.context);
  let allow: StatementRef | undefined;
  const misses: string[] = [];
  for (const policy of policies) {
    for (const statement of policy.statements) {
      const match = matchStatement(policy, statement, request, context);
      const ref = refOf(policy, statement);
      if (!match.applies) {
        const miss = nearMiss(ref, statement.effect, match);
        if (miss) misses.push(miss);
        continue;
      }
      if (statement.effect === 'Deny') {
        return {
          decision: 'ExplicitDeny',
          statement: ref,
          reason: `Explicit deny: ${describeRef(ref)} denies ${request.action} on ${request.resource}.`,
        };
      }
      allow ??= ref;
    }
  }
  if (allow) {
    return {
      decision: 'Allow',
      statement: allow,
      reason: `Allowed by ${describeRef(allow)}: it allows ${request.action} on ${request.resource}.`,
    };
  }
  return {
    decision: 'ImplicitDeny',
    reason: `Implicit deny: no statement allows ${request.action} on ${request.resource}.${misses.length ? ` Near misses: ${misses.join('; ')}.` : ''}`,
  };
}
