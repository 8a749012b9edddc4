/**
 * The shapes of IAM policy evaluation: validated policies, the request being authorized, and the
 * decision with the statement that made it (so the lab can explain every Allow and Deny).
 */

/** A request context value: condition keys are single strings, numbers, booleans or lists of them. */
export type ContextValue = string | number | boolean | readonly (string | number | boolean)[];

/** Condition keys of one request (`kms:ViaService`, `aws:ResourceTag/env`...). Key names are case-insensitive. */
export type RequestContext = Record<string, ContextValue | undefined>;

export interface AuthzRequest {
  /** `service:Action`, e.g. `ssm:GetParameter`. */
  action: string;
  /** The resource ARN (or `*` for actions without a resource type). */
  resource: string;
  context?: RequestContext;
}

export type Effect = 'Allow' | 'Deny';

/** A Principal / NotPrincipal element: `*`, or principal lists by type (`AWS`, `Service`...). */
export type PrincipalSpec = '*' | Record<string, string[]>;

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

/** One key under one operator of a Condition block, e.g. `StringEquals: { "kms:ViaService": [...] }`. */
export interface ConditionClause {
  /** The operator exactly as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  base: string;
  set?: SetOperator;
  ifExists: boolean;
  key: string;
  /** Policy values, ORed (for negated operators: the request value must match none). */
  values: string[];
}

export interface PolicyStatement {
  /** Position in the policy's Statement list, from 0. */
  index: number;
  sid?: string;
  effect: Effect;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  /** Every clause must hold (keys and operators are ANDed). */
  conditions: ConditionClause[];
}

/** A validated policy document. */
export interface Policy {
  name: string;
  /** `2012-10-17` (policy variables are substituted) or `2008-10-17` (they are literal text). */
  version: '2012-10-17' | '2008-10-17';
  statements: PolicyStatement[];
}

/** A policy as the lab supplies it: a name and a JSON document (text or already parsed). */
export interface PolicyInput {
  name: string;
  document: string | object;
}

export interface StatementRef {
  policyName: string;
  sid?: string;
  index: number;
}

export type DecisionKind = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** The outcome of evaluating a set of policies: which statement decided, and why, in words. */
export interface Decision {
  decision: DecisionKind;
  /** The deciding statement: the first matching Deny, else the first matching Allow; none for ImplicitDeny. */
  statement?: StatementRef;
  reason: string;
}
