import { type NormalizedContext, variableValue } from './requestContext';

/**
 * IAM's pattern matching. `*` matches any run of characters (none included), `?` exactly one.
 * With policy version 2012-10-17 a `${key}` is replaced by the request's value of that key
 * (`${key, 'default'}` when it is absent), and `${*}`, `${?}`, `${$}` stand for the literal
 * characters; a variable whose key is absent makes the pattern match nothing.
 */
export interface MatchOptions {
  ignoreCase?: boolean;
  /** Substitute policy variables from this context (policy version 2012-10-17 only). */
  variables?: NormalizedContext;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LITERAL_VARIABLES: Record<string, string> = { '*': '*', '?': '?', $: '$' };

/** The pattern as a RegExp source, or undefined when a variable cannot be substituted. */
function patternSource(pattern: string, variables: NormalizedContext | undefined): string | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (variables && c === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i + 2);
      if (end > 0) {
        const value = substitute(pattern.slice(i + 2, end), variables);
        if (value === undefined) return undefined;
        out += escapeRegExp(value);
        i = end;
        continue;
      }
    }
    out += c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c);
  }
  return out;
}

function substitute(inner: string, variables: NormalizedContext): string | undefined {
  const literal = LITERAL_VARIABLES[inner.trim()];
  if (literal !== undefined) return literal;
  const m = inner.match(/^\s*([^,\s]+)\s*(?:,\s*'([^']*)'\s*)?$/);
  if (!m) return undefined;
  return variableValue(variables, m[1] as string) ?? m[2];
}

/** The text with its policy variables replaced (no wildcards), or undefined when one cannot be. */
export function expandVariables(text: string, variables: NormalizedContext | undefined): string | undefined {
  if (!variables || !text.includes('${')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end > 0) {
        const value = substitute(text.slice(i + 2, end), variables);
        if (value === undefined) return undefined;
        out += value;
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

/**
 * Compiled patterns, by flags and source: every request matches the same few policies' patterns,
 * and compiling them each time was most of an authorization's cost (statements compile theirs
 * once: compile.ts; condition values come here). Bounded: cleared when full.
 */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 2048;

function regExpOf(source: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : 's'}${source}`;
  let regex = compiled.get(key);
  if (!regex) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    compiled.set(key, regex);
  }
  return regex;
}

/** The RegExp a pattern without policy variables stands for (`${` is literal text here). */
export function patternRegExp(pattern: string, ignoreCase: boolean): RegExp {
  return regExpOf(patternSource(pattern, undefined) as string, ignoreCase);
}

/** Does the whole value match the pattern? */
export function wildcardMatch(pattern: string, value: string, options: MatchOptions = {}): boolean {
  if (pattern === '*') return true;
  // No wildcard and no variable: a plain comparison (case-insensitive ones keep the RegExp's folding).
  if (!options.ignoreCase && !/[*?$]/.test(pattern)) return pattern === value;
  const source = patternSource(pattern, options.variables);
  if (source === undefined) return false;
  return regExpOf(source, options.ignoreCase ?? false).test(value);
}

/** Splits at the first five colons that are not inside a `${...}` variable: an ARN's six parts. */
export function arnParts(arn: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < arn.length && parts.length < 5; i++) {
    if (arn[i] === '$' && arn[i + 1] === '{') depth++;
    else if (arn[i] === '}' && depth > 0) depth--;
    else if (arn[i] === ':' && depth === 0) {
      parts.push(arn.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(arn.slice(start));
  return parts;
}

/**
 * ARN matching as IAM does it for Resource elements and the Arn* condition operators: each of the
 * six colon-separated parts is matched on its own, so a `*` in the region part never crosses a
 * colon, while the last part (the resource, `secret:name-AbCdEf`, `parameter/a/b`) may contain
 * colons and slashes that `*` spans. Case-sensitive. A pattern of fewer than six parts is matched
 * against the whole ARN.
 */
export function arnMatch(pattern: string, arn: string, options: MatchOptions = {}): boolean {
  if (pattern === '*') return true;
  const p = arnParts(pattern);
  if (p.length < 6) return wildcardMatch(pattern, arn, options);
  const a = arnParts(arn);
  if (a.length < 6) return false;
  return p.every((part, i) => wildcardMatch(part, a[i] as string, options));
}
