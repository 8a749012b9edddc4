import { iamErrors } from './errors';
import type { Tag } from './state';

/**
 * Readers for query-protocol input (IAM and STS): every value arrives as text (lists as arrays,
 * structures as objects, see protocol/queryForm.ts). Constraint failures are ValidationError in
 * AWS's wording, with member names in lowerCamelCase.
 */
export type Input = Record<string, unknown>;

const member = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export function constraint(name: string, value: unknown, rule: string) {
  const shown = value === undefined || value === null ? 'Value null' : `Value '${String(value)}'`;
  return iamErrors.validation(
    `1 validation error detected: ${shown} at '${member(name)}' failed to satisfy constraint: ${rule}`,
  );
}

export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The pattern as AWS's message shows it. */
  patternText?: string;
}

export function optString(input: Input, name: string, rule: StringRule = {}): string | undefined {
  const v = Object.hasOwn(input, name) ? input[name] : undefined;
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw constraint(name, '[structure]', 'Member must be a string');
  if (rule.min !== undefined && v.length < rule.min)
    throw constraint(name, v, `Member must have length greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && v.length > rule.max)
    throw constraint(name, v, `Member must have length less than or equal to ${rule.max}`);
  if (rule.pattern && !rule.pattern.test(v))
    throw constraint(
      name,
      v,
      `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`,
    );
  return v;
}

export function reqString(input: Input, name: string, rule: StringRule = {}): string {
  const v = optString(input, name, rule);
  if (v === undefined) throw constraint(name, null, 'Member must not be null');
  return v;
}

export function optInt(input: Input, name: string, min: number, max: number): number | undefined {
  const text = optString(input, name);
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(v)) throw constraint(name, text, 'Member must be an integer');
  if (v < min) throw constraint(name, v, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw constraint(name, v, `Member must have value less than or equal to ${max}`);
  return v;
}

export function optList(input: Input, name: string): unknown[] | undefined {
  const v = Object.hasOwn(input, name) ? input[name] : undefined;
  if (v === undefined) return undefined;
  if (v === '') return [];
  if (!Array.isArray(v)) throw constraint(name, '[structure]', 'Member must be a list');
  return v;
}

/** IAM entity names: users and roles 1–64 characters, groups and policies 1–128, of `[\w+=,.@-]`. */
export function entityName(input: Input, name: string, max: number): string {
  return reqString(input, name, { min: 1, max, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' });
}

/** A path: `/` or `/division/team/` (1–512 characters of printable ASCII). */
export function path(input: Input, name = 'Path'): string {
  return (
    optString(input, name, {
      min: 1,
      max: 512,
      pattern: /^(\/|\/[\u0021-\u007e]+\/)$/,
      patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    }) ?? '/'
  );
}

/** Tags: at most 50, keys 1–128 characters, values 0–256. */
export function tags(input: Input): Tag[] {
  const list = optList(input, 'Tags') ?? [];
  if (list.length > 50)
    throw constraint('Tags', `[${list.length} tags]`, 'Member must have length less than or equal to 50');
  return list.map((raw) => {
    const t = (typeof raw === 'object' && raw !== null ? raw : {}) as Input;
    return { Key: reqString(t, 'Key', { min: 1, max: 128 }), Value: optString(t, 'Value', { max: 256 }) ?? '' };
  });
}
