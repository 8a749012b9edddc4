import { OPERATORS, type OperatorDefinition } from './operators';
import { contextValues, type NormalizedContext } from './requestContext';
import type { ConditionClause } from './types';

/**
 * IAM's rules for one condition clause (one operator, one key, its values):
 * - policy values are ORed; a negated operator (StringNotEquals...) holds when the request value
 *   matches none of them;
 * - a key the request does not carry makes a positive operator false and a negated one true
 *   (IAM: "the values do not match"), unless `...IfExists`, which then holds;
 * - `ForAllValues:` holds when every request value matches (and when the key is absent or empty:
 *   the classic trap), `ForAnyValue:` when at least one does (never when absent);
 * - `Null: true` holds when the key is absent, `Null: false` when it is present.
 */
export function clauseHolds(
  clause: ConditionClause,
  context: NormalizedContext,
  variables?: NormalizedContext,
): boolean {
  const requestValues = contextValues(context, clause.key);
  const present = requestValues !== undefined && requestValues.length > 0;
  if (clause.base === 'Null') {
    return clause.values.some((v) => (v.toLowerCase() === 'true' ? !present : present));
  }
  const operator = OPERATORS[clause.base];
  if (!operator) return false;
  if (clause.set === 'ForAllValues' && !present) return true;
  if (clause.set === 'ForAnyValue' && !present) return false;
  if (!present) return clause.ifExists || operator.negated;
  const values = requestValues as readonly string[];
  // A multivalued key under a plain operator: positive operators need one match, negated ones none.
  const all = clause.set === 'ForAllValues' || (clause.set === undefined && operator.negated);
  for (const value of values) {
    if (valueMatches(clause, operator, value, variables) !== all) return !all;
  }
  return all;
}

/** Whether one request value matches the clause's values (for a negated operator: matches none of them). */
function valueMatches(
  clause: ConditionClause,
  operator: OperatorDefinition,
  requestValue: string,
  variables: NormalizedContext | undefined,
): boolean {
  let any = false;
  for (const p of clause.values) {
    if (operator.test(p, requestValue, variables)) {
      any = true;
      break;
    }
  }
  return operator.negated ? !any : any;
}

/** All clauses must hold; returns the first that does not, for the explanation. */
export function firstFailingClause(
  clauses: readonly ConditionClause[],
  context: NormalizedContext,
  variables?: NormalizedContext,
): ConditionClause | undefined {
  return clauses.find((c) => !clauseHolds(c, context, variables));
}
