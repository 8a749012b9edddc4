import type { NormalizedContext } from './requestContext';
import type { SetOperator } from './types';
import { arnMatch, expandVariables, wildcardMatch } from './wildcard';

/**
 * The condition operators IAM supports. `test` is the positive comparison of one policy value with
 * one request value; a negated operator (StringNotEquals, ArnNotLike...) holds when the request
 * value matches none of the policy values.
 */
export interface OperatorDefinition {
  negated: boolean;
  test(policyValue: string, requestValue: string, variables: NormalizedContext | undefined): boolean;
}

/** Numbers as IAM reads them; anything else matches nothing. */
function toNumber(s: string): number | undefined {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Dates: ISO 8601 (`2026-01-01`, `2026-01-01T00:00:00Z`) or epoch seconds. Epoch milliseconds. */
export function toDate(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s.trim())) return Number(s) * 1000;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}

function compare(parse: (s: string) => number | undefined, check: (request: number, policy: number) => boolean) {
  return (policyValue: string, requestValue: string) => {
    const p = parse(policyValue);
    const r = parse(requestValue);
    return p !== undefined && r !== undefined && check(r, p);
  };
}

function ipv4(s: string): number | undefined {
  const m = s.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

/** IPv4 CIDR (`203.0.113.0/24`) or a single address. */
function inCidr(cidr: string, address: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const b = ipv4(base ?? '');
  const a = ipv4(address);
  const n = Number(bits);
  if (b === undefined || a === undefined || !Number.isInteger(n) || n < 0 || n > 32) return false;
  const size = 2 ** (32 - n);
  return Math.floor(a / size) === Math.floor(b / size);
}

const positive = (test: OperatorDefinition['test']): OperatorDefinition => ({ negated: false, test });
const negated = (test: OperatorDefinition['test']): OperatorDefinition => ({ negated: true, test });

const stringEquals: OperatorDefinition['test'] = (p, r, v) => expandVariables(p, v) === r;
const stringEqualsIgnoreCase: OperatorDefinition['test'] = (p, r, v) =>
  expandVariables(p, v)?.toLowerCase() === r.toLowerCase();
const stringLike: OperatorDefinition['test'] = (p, r, v) => wildcardMatch(p, r, { variables: v });
const arnLike: OperatorDefinition['test'] = (p, r, v) => arnMatch(p, r, { variables: v });
const numeric = (check: (r: number, p: number) => boolean) => compare(toNumber, check);
const date = (check: (r: number, p: number) => boolean) => compare(toDate, check);
const bool: OperatorDefinition['test'] = (p, r) => p.toLowerCase() === r.toLowerCase();

export const OPERATORS: Record<string, OperatorDefinition> = {
  StringEquals: positive(stringEquals),
  StringNotEquals: negated(stringEquals),
  StringEqualsIgnoreCase: positive(stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: negated(stringEqualsIgnoreCase),
  StringLike: positive(stringLike),
  StringNotLike: negated(stringLike),
  NumericEquals: positive(numeric((r, p) => r === p)),
  NumericNotEquals: negated(numeric((r, p) => r === p)),
  NumericLessThan: positive(numeric((r, p) => r < p)),
  NumericLessThanEquals: positive(numeric((r, p) => r <= p)),
  NumericGreaterThan: positive(numeric((r, p) => r > p)),
  NumericGreaterThanEquals: positive(numeric((r, p) => r >= p)),
  DateEquals: positive(date((r, p) => r === p)),
  DateNotEquals: negated(date((r, p) => r === p)),
  DateLessThan: positive(date((r, p) => r < p)),
  DateLessThanEquals: positive(date((r, p) => r <= p)),
  DateGreaterThan: positive(date((r, p) => r > p)),
  DateGreaterThanEquals: positive(date((r, p) => r >= p)),
  Bool: positive(bool),
  BinaryEquals: positive((p, r) => p === r),
  IpAddress: positive((p, r) => inCidr(p, r)),
  NotIpAddress: negated((p, r) => inCidr(p, r)),
  // ArnEquals accepts the same wildcards as ArnLike (IAM documents them as equivalent).
  ArnEquals: positive(arnLike),
  ArnLike: positive(arnLike),
  ArnNotEquals: negated(arnLike),
  ArnNotLike: negated(arnLike),
  // Null is evaluated on the key's presence, never on its values (see conditions.ts).
  Null: positive(() => false),
};

export interface ParsedOperator {
  base: string;
  set?: SetOperator;
  ifExists: boolean;
}

/** `ForAllValues:StringLikeIfExists` → base StringLike, set ForAllValues, ifExists; undefined if unknown. */
export function parseOperator(raw: string): ParsedOperator | undefined {
  let rest = raw;
  let set: SetOperator | undefined;
  const prefix = rest.match(/^(ForAnyValue|ForAllValues):/);
  if (prefix) {
    set = prefix[1] as SetOperator;
    rest = rest.slice(prefix[0].length);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!Object.hasOwn(OPERATORS, rest)) return undefined;
  // Null tests presence itself, so IfExists and set operators make no sense with it.
  if (rest === 'Null' && (ifExists || set)) return undefined;
  return { base: rest, ...(set ? { set } : {}), ifExists };
}
