import { keptPerString } from '../core/memo';
import type { NormalizedContext } from './requestContext';
import type { PolicyStatement } from './types';
import { arnMatch, arnParts, patternRegExp } from './wildcard';

/**
 * A statement's Action / NotAction and Resource / NotResource patterns as matchers, built once per
 * statement: a parsed Policy is shared by every request on the same document (parsePolicy.ts), so
 * its statements are too, and a request only runs the matchers (no pattern is split, scanned or
 * compiled to a RegExp again). A pattern holding a policy variable (`${aws:username}`, version
 * 2012-10-17) depends on the request and is matched per request as before (wildcard.ts).
 */
export interface CompiledStatement {
  /** Action / NotAction (case-insensitive). */
  action(action: string): boolean;
  /** Resource / NotResource; a resource-based statement without either applies to its resource. */
  resource(resource: string, variables: NormalizedContext | undefined): boolean;
  /** A Resource / NotResource pattern holds a policy variable: the matcher reads `variables`. */
  usesVariables: boolean;
}

type Matcher = (value: string, variables: NormalizedContext | undefined) => boolean;

const compiled = new WeakMap<PolicyStatement, CompiledStatement>();

/** `withVariables`: the statement's policy is version 2012-10-17, where `${…}` is substituted. */
export function compileStatement(statement: PolicyStatement, withVariables: boolean): CompiledStatement {
  let out = compiled.get(statement);
  if (!out) {
    const actions = statement.actions ?? statement.notActions ?? [];
    const actionHit = anyOf(actions.map((p) => compileWildcard(p, true)));
    /*
     * A statement's action test with its answers kept: a statement lists several action patterns
     * (`kms:ReEncrypt*`, `kms:GenerateDataKey*`...), each a case-insensitive RegExp, and the
     * `aws/secretsmanager` key policy alone tests about ten of them on every secret read. Whether a
     * pattern matches an action name depends on nothing else (not the request, the caller or time),
     * so the answer is the same on every request: kept per statement, by action name. Action names
     * are the emulator's own (`service:Operation`), a few hundred at most; the map is bounded anyway.
     */
    const action = keptPerString(
      statement.actions ? (a: string) => actionHit(a, undefined) : (a: string) => !actionHit(a, undefined),
      1024,
    );
    const resources = statement.resources ?? statement.notResources;
    const resourceHit = anyOf((resources ?? []).map((p) => compileArn(p, withVariables)));
    const resource: CompiledStatement['resource'] = statement.resources
      ? resourceHit
      : statement.notResources
        ? (r, v) => !resourceHit(r, v)
        : () => true;
    const usesVariables = withVariables && (resources ?? []).some(hasVariable);
    out = { action, resource, usesVariables };
    compiled.set(statement, out);
  }
  return out;
}

function anyOf(matchers: Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0] as Matcher;
  return (value, variables) => {
    for (const m of matchers) if (m(value, variables)) return true;
    return false;
  };
}

const always: Matcher = () => true;
const hasVariable = (pattern: string) => pattern.includes('${');

/** `*` / `?` matching of the whole value, as wildcardMatch does it. */
function compileWildcard(pattern: string, ignoreCase: boolean): Matcher {
  if (pattern === '*') return always;
  if (!ignoreCase && !/[*?]/.test(pattern)) return (value) => value === pattern;
  const regex = patternRegExp(pattern, ignoreCase);
  return (value) => regex.test(value);
}

/** IAM's part-by-part ARN matching (wildcard.ts `arnMatch`), the pattern split and compiled once. */
function compileArn(pattern: string, withVariables: boolean): Matcher {
  if (pattern === '*') return always;
  if (withVariables && hasVariable(pattern)) return (value, variables) => arnMatch(pattern, value, { variables });
  const parts = arnParts(pattern);
  if (parts.length < 6) {
    const whole = compileWildcard(pattern, false);
    return (value) => whole(value, undefined);
  }
  const matchers = parts.map((part) => compileWildcard(part, false));
  return (value) => {
    const valueParts = splitArn(value);
    if (valueParts.length < 6) return false;
    for (let i = 0; i < 6; i++) if (!(matchers[i] as Matcher)(valueParts[i] as string, undefined)) return false;
    return true;
  };
}

/** The last ARN split: a request's statements all match the same resource ARN. */
let lastArn = '';
let lastParts: string[] = [''];
function splitArn(arn: string): string[] {
  if (arn !== lastArn) {
    lastParts = arnParts(arn);
    lastArn = arn;
  }
  return lastParts;
}
