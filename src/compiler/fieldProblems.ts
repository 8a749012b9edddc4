import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { z } from 'zod';
import { fieldAt, knownKeys, type Schema, typeLabel } from '../schema/describe.ts';
import { type LocatedYaml, locate, type Problem } from './problems.ts';

/**
 * Schema problems in the author's terms, each at the line of the field it is about: a misspelt
 * field names the field it probably meant, a missing one says what to add, a wrong value says what
 * was found and what is expected (in the words of content/README.md's tables). Zod's issues carry
 * the path; the YAML document carries the lines and the values as the author wrote them.
 */
export interface FieldProblemOptions {
  /** The schema the text was checked against (for field names and expected kinds). */
  schema: Schema;
  /** Where the checked value sits in the YAML document (a question's index in its file). */
  prefix?: readonly PropertyKey[];
  /** Put before every message: `question "rotation-steps"`. */
  label?: string;
}

export function fieldProblems(
  file: string,
  y: LocatedYaml,
  error: z.ZodError,
  options: FieldProblemOptions,
): Problem[] {
  const { schema, prefix = [], label } = options;
  const problems: { at: PropertyKey[]; message: string; suggests?: string; missing?: string }[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(schema, path);
        const meant = closest(key, known);
        const where = path.length ? `${fieldName(path)}: ` : '';
        problems.push({
          at: [...path, key],
          suggests: meant && fieldName([...path, meant]),
          message: meant
            ? `${where}\`${key}\` is not a field: did you mean \`${meant}\`?`
            : `${where}\`${key}\` is not a field (check its spelling; the fields are ${known.map((k) => `\`${k}\``).join(', ')})`,
        });
      }
      continue;
    }
    const value = valueAt(y, [...prefix, ...path]);
    const field = fieldAt(schema, path);
    const expected = field ? typeLabel(field) : undefined;
    const name = fieldName(path);
    if (value === undefined && ['invalid_type', 'invalid_union', 'invalid_value'].includes(issue.code)) {
      problems.push({
        at: path.slice(0, -1),
        missing: name,
        message: `\`${name}\` is missing: add it${expected ? ` (${expected})` : ''}`,
      });
      continue;
    }
    problems.push({ at: path, message: `${name ? `${name}: ` : ''}${describeIssue(issue, value, expected)}` });
  }
  // A misspelt field explains the "missing" one it was meant to be: say it once, at the misspelling.
  const meant = new Set(problems.flatMap((p) => (p.suggests ? [p.suggests] : [])));
  return problems
    .filter((p) => !(p.missing && meant.has(p.missing)))
    .map((p) => ({
      file,
      ...locate(y, [...prefix, ...p.at]),
      message: `${label ? `${label}: ` : ''}${p.message}`,
    }));
}

/** zod's own wording (replaced by ours); any other message was written by the schema's author. */
const ZOD_DEFAULT = /^(Invalid (input|option|string|value)|Too (big|small)|Expected |Unrecognized key)/;

/** What is wrong with a present value, in words: what was found and what is expected. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown, expected: string | undefined): string {
  if (isColonMapping(value) && ['invalid_type', 'invalid_union'].includes(issue.code)) {
    const pair = (value as { items: { key: unknown; value: unknown }[] }).items[0];
    const text = `${String((pair?.key as Scalar)?.value ?? '')}: ${String((pair?.value as Scalar | null)?.value ?? '')}`;
    return `this text contains ": ", so YAML reads it as a name and a value: put the whole text in double quotes, like this: "${text.replace(/"/g, '\\"')}"`;
  }
  // The schemas' own messages (custom rules, formats, refinements) are written for authors already.
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const found = describeValue(value);
  const expecting = expected ? `expected ${expected}` : issue.message;
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      return `${expecting}, found ${found}`;
    case 'too_big':
    case 'too_small':
      return typeof value === 'string'
        ? `${value.length} characters is too ${issue.code === 'too_big' ? 'long' : 'short'}: ${expecting}`
        : Array.isArray(value)
          ? `${value.length} ${value.length === 1 ? 'entry' : 'entries'} is too ${issue.code === 'too_big' ? 'many' : 'few'}: ${expecting}`
          : `${found} is out of range: ${expecting}`;
    case 'invalid_value':
      return `${found} is not allowed: ${expecting}`;
    default:
      // Formats and the schemas' own rules carry messages written for authors.
      return issue.message;
  }
}

/** A list item or value like `Use the key: value form` that YAML turned into a one-entry mapping. */
function isColonMapping(value: unknown): boolean {
  return isMap(value) && value.items.length === 1;
}

function describeValue(value: unknown): string {
  if (isScalar(value)) {
    const v = value.value;
    if (typeof v === 'string') return `text "${v.length > 40 ? `${v.slice(0, 37)}…` : v}"`;
    if (v === null) return 'nothing';
    return String(v);
  }
  if (isSeq(value)) return 'a list';
  if (isMap(value)) return 'a mapping (name: value lines)';
  return 'nothing';
}

/** The YAML node at `path`, or undefined when the document has none there. */
function valueAt(y: LocatedYaml, path: readonly PropertyKey[]): unknown {
  return y.doc.getIn(path as unknown[], true);
}

/** `options[2].explanation` for the path ["options", 2, "explanation"]. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** The known name closest to a misspelling (a typo, a swap, a wrong case), or undefined. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
