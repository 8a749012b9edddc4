import type { z } from 'zod';

/**
 * Reading a zod schema back as words an author understands: what a field holds ("whole number,
 * 1–4"), whether it is required, its description, and which fields a mapping has. Used by the
 * README's field tables (src/authoring/fieldTables.ts) and by the problems the compiler reports.
 */
export type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  defaultValue?: unknown;
  shape?: Record<string, Schema>;
  checks?: { _zod: { def: Record<string, unknown> } }[];
}

export const defOf = (s: Schema) => s._zod.def as unknown as Def;
export const descriptionOf = (s: Schema) => (s as { description?: string }).description;

/** The mapping inside a field (a list of mappings, a mapping), or undefined for a plain value. */
export function nestedObject(s: Schema): Schema | undefined {
  let cur = s;
  for (let inner = defOf(cur).innerType; inner; inner = defOf(cur).innerType) cur = inner;
  const d = defOf(cur);
  if (d.type === 'object') return cur;
  return d.type === 'array' && d.element && defOf(d.element).type === 'object' ? d.element : undefined;
}

const code = (v: unknown) => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
const orList = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

function check(d: Def, name: string): Record<string, unknown> | undefined {
  return d.checks?.map((c) => c._zod.def).find((c) => c.check === name || c.format === name);
}

/** "text, 3–120 characters", "whole number, 1–4", "one of `easy`, `medium` or `hard`"... */
export function typeLabel(s: Schema): string {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
    case 'default':
      return typeLabel(d.innerType as Schema);
    case 'string': {
      if (check(d, 'datetime')) return 'date and time, ISO 8601 (`2026-03-14T09:00:00Z`)';
      const min = check(d, 'min_length')?.minimum as number | undefined;
      const max = check(d, 'max_length')?.maximum as number | undefined;
      if (min !== undefined && max !== undefined) return `text, ${min}–${max} characters`;
      if (min !== undefined && min > 1) return `text, at least ${min} characters`;
      return 'text';
    }
    case 'number': {
      const kind = check(d, 'safeint') ? 'whole number' : 'number';
      const low = check(d, 'greater_than');
      const high = check(d, 'less_than');
      const from = low ? (low.value as number) + (low.inclusive ? 0 : 1) : undefined;
      const to = high ? (high.value as number) - (high.inclusive ? 0 : 1) : undefined;
      if (from !== undefined && to !== undefined) return `${kind}, ${from}–${to}`;
      if (from !== undefined) return `${kind}, ${from} or more`;
      return kind;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'enum': {
      const values = Object.values(d.entries ?? {}).map(code);
      return values.length > 2 ? `one of ${orList(values)}` : orList(values);
    }
    case 'literal':
      return orList((d.values ?? []).map(code));
    case 'union':
      return (d.options ?? []).map(typeLabel).join(', or ');
    case 'array': {
      const element = d.element as Schema;
      const inner = defOf(element).type === 'object' ? 'mappings (table below)' : typeLabel(element);
      const min = check(d, 'min_length')?.minimum as number | undefined;
      return `list of ${inner}${min ? `, at least ${min}` : ''}`;
    }
    case 'record':
      return 'mapping of `name: value`';
    case 'object':
      return 'mapping (table below)';
    default:
      return d.type;
  }
}

export function requiredLabel(s: Schema): string {
  const d = defOf(s);
  if (d.type === 'optional') return 'no';
  if (d.type === 'default') {
    const value = d.defaultValue;
    const empty = typeof value === 'object' && value !== null && Object.keys(value).length === 0;
    return empty ? 'no' : `no (default ${code(value)})`;
  }
  return 'yes';
}

/** The first description found from the outside in (`.describe()` may sit on either side of `.optional()`). */
export function describeField(s: Schema): string | undefined {
  for (let cur: Schema | undefined = s; cur; cur = defOf(cur).innerType) {
    const text = descriptionOf(cur);
    if (text) return text;
  }
  return undefined;
}

/** Strips optional, default, nullable and pipe wrappers: the schema that holds the value. */
export function unwrap(s: Schema): Schema {
  let cur = s;
  for (;;) {
    const d = defOf(cur) as Def & { in?: Schema };
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) return cur;
    cur = next;
  }
}

/** The schema of the field at `path` (keys and list indexes), or undefined when there is none. */
export function fieldAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let cur: Schema | undefined = schema;
  for (const key of path) {
    if (!cur) return undefined;
    const d = defOf(unwrap(cur));
    if (typeof key === 'number') cur = d.type === 'array' ? d.element : undefined;
    else cur = d.type === 'object' ? d.shape?.[String(key)] : undefined;
  }
  return cur;
}

/** The field names of the mapping at `path`, or [] when it is not a mapping. */
export function knownKeys(schema: Schema, path: readonly PropertyKey[]): string[] {
  const at = fieldAt(schema, path);
  const d = at && defOf(unwrap(at));
  return d?.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}
