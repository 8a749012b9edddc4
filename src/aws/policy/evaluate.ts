import { keptPerObjectForLast } from '../core/memo';
import { compileStatement } from './compile';
import { firstFailingClause } from './conditions';
import { type ContextSource, normalizeContext, resolveContext } from './requestContext';
import type { AuthzRequest, Decision, Policy, PolicyStatement, StatementRef } from './types';

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

/**
 * A statement's reference, one frozen object per statement (and policy name) shared by every
 * decision it makes: a parsed Policy and its statements are never changed (parsePolicy.ts), so the
 * reference is a pure function of them, and a call-log entry then holds a shared object rather
 * than a copy per request (authorize.ts shares whole Allow records the same way).
 */
const refByName = keptPerObjectForLast(
  (statement: PolicyStatement, policyName: string): StatementRef =>
    // Literals, not a spread.
    Object.freeze(
      statement.sid
        ? { policyName, sid: statement.sid, index: statement.index }
        : { policyName, index: statement.index },
    ),
);
export function refOf(policy: Policy, statement: PolicyStatement): StatementRef {
  return refByName(statement, policy.name);
}

/**
 * `Allowed by <statement>: it allows <action> on <resource>.`, the text kept per statement reference
 * for the last action and resource it allowed (keptPerObjectForLast): a caller repeating a call gets
 * the same string object, not a new one built and kept by the call log per request.
 */
const allowReason = keptPerObjectForLast(
  (ref: StatementRef, action: string, resource: string) =>
    `Allowed by ${describeRef(ref)}: it allows ${action} on ${resource}.`,
);

/** `statement 1 (Sid "AllowDecrypt") of policy "ssm-read"`. */
export function describeRef(ref: StatementRef): string {
  return `statement ${ref.index}${ref.sid ? ` (Sid "${ref.sid}")` : ''} of policy "${ref.policyName}"`;
}

/**
 * Action, then resource, then conditions (the principal is the resource-policy layer's business).
 * Actions match case-insensitively, resources case-sensitively with IAM's ARN wildcards, through
 * the statement's matchers compiled once (compile.ts). The request's condition keys are resolved
 * only for a statement that reads them (a policy variable in its Resource, or a Condition), so a
 * pending context (requestContext.ts) is built only when such a statement is reached.
 */
export function matchStatement(
  policy: Policy,
  statement: PolicyStatement,
  request: AuthzRequest,
  context: ContextSource,
): StatementMatch {
  const withVariables = policy.version === '2012-10-17';
  const compiled = compileStatement(statement, withVariables);
  if (!compiled.action(request.action)) return NO_ACTION;
  const variables = compiled.usesVariables ? resolveContext(context) : undefined;
  if (!compiled.resource(request.resource, variables)) return NO_RESOURCE;
  if (statement.conditions.length === 0) return APPLIES;
  const keys = resolveContext(context);
  const failing = firstFailingClause(statement.conditions, keys, withVariables ? keys : undefined);
  if (failing) return { applies: false, because: 'condition', operator: failing.operator, key: failing.key };
  return APPLIES;
}

const APPLIES: StatementMatch = Object.freeze({ applies: true });
const NO_ACTION: StatementMatch = Object.freeze({ applies: false, because: 'action' });
const NO_RESOURCE: StatementMatch = Object.freeze({ applies: false, because: 'resource' });

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

/** `context`: the request's context normalized or pending, when the caller has it already (authorize.ts). */
export function evaluatePolicies(
  policies: readonly Policy[],
  request: AuthzRequest,
  context: ContextSource = normalizeContext(request.context),
): Decision {
  let allow: StatementRef | undefined;
  const misses: string[] = [];
  for (const policy of policies) {
    for (const statement of policy.statements) {
      const match = matchStatement(policy, statement, request, context);
      if (!match.applies) {
        // Most statements are about other actions: no words are built for those.
        const miss =
          match.because === 'action' ? undefined : nearMiss(refOf(policy, statement), statement.effect, match);
        if (miss) misses.push(miss);
        continue;
      }
      const ref = refOf(policy, statement);
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
  if (allow)
    return { decision: 'Allow', statement: allow, reason: allowReason(allow, request.action, request.resource) };
  return {
    decision: 'ImplicitDeny',
    reason: `Implicit deny: no statement allows ${request.action} on ${request.resource}.${misses.length ? ` Near misses: ${misses.join('; ')}.` : ''}`,
  };
}
