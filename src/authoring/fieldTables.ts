import type { z } from 'zod';
import type { Problem } from '../compiler/problems.ts';
import { exerciseFrontmatterSchema } from '../schema/exercise.ts';
import { fixtureSchema } from '../schema/fixture.ts';
import { lessonFrontmatterSchema } from '../schema/lesson.ts';
import { questionFieldsSchema } from '../schema/question.ts';

/**
 * content/README.md's field tables, generated from the zod schemas: the schemas are the single
 * source of the format, and the README shows them in words an author reads. A table sits between
 * `<!-- fields:<name> -->` and `<!-- /fields:<name> -->`; `npm run content:check -- --write-docs`
 * rewrites them, and content:check reports a table that no longer matches its schema.
 */
type Schema = z.core.$ZodType;
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

const defOf = (s: Schema) => s._zod.def as unknown as Def;
const descriptionOf = (s: Schema) => (s as { description?: string }).description;

/** The mapping inside a field (a list of mappings, a mapping), or undefined for a plain value. */
function nestedObject(s: Schema): Schema | undefined {
  let cur = s;
  for (let inner = defOf(cur).innerType; inner; inner = defOf(cur).innerType) cur = inner;
  const d = defOf(cur);
  if (d.type === 'object') return cur;
  return d.type === 'array' && d.element && defOf(d.element).type === 'object' ? d.element : undefined;
}

/** Each top-level schema, then one table per field that holds mappings: `fixture-secrets`, `question-options`. */
function withNested(name: string, schema: Schema): [string, Schema][] {
  const nested = Object.entries(defOf(schema).shape ?? {}).flatMap(([key, field]) => {
    const inner = nestedObject(field);
    return inner ? withNested(`${name}-${key}`, inner) : [];
  });
  return [[name, schema], ...nested];
}

export const FIELD_TABLES: Record<string, Schema> = Object.fromEntries([
  ...withNested('lesson', lessonFrontmatterSchema),
  ...withNested('exercise', exerciseFrontmatterSchema),
  ...withNested('question', questionFieldsSchema),
  ...withNested('fixture', fixtureSchema),
]);

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

function requiredLabel(s: Schema): string {
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
function describeField(s: Schema): string | undefined {
  for (let cur: Schema | undefined = s; cur; cur = defOf(cur).innerType) {
    const text = descriptionOf(cur);
    if (text) return text;
  }
  return undefined;
}

/** `table.field` for every field without a description: each one is a hole in the authors' documentation. */
export function undocumentedFields(): string[] {
  return Object.entries(FIELD_TABLES).flatMap(([name, schema]) =>
    Object.entries(defOf(schema).shape ?? {}).flatMap(([key, field]) =>
      describeField(field) ? [] : [`${name}.${key}`],
    ),
  );
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderFieldTable(schema: Schema): string {
  const shape = defOf(schema).shape ?? {};
  const rows = Object.entries(shape).map(
    ([key, field]) =>
      `| \`${key}\` | ${requiredLabel(field)} | ${cell(typeLabel(field))} | ${cell(describeField(field) ?? '—')} |`,
  );
  return ['| Field | Required | Type | What it is |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const BLOCK = /<!-- fields:([a-z-]+) -->([\s\S]*?)<!-- \/fields:\1 -->/g;
const block = (name: string, body: string) => `<!-- fields:${name} -->${body}<!-- /fields:${name} -->`;

/** The README with every marked table regenerated. */
export function updateFieldTables(readme: string): string {
  return readme.replace(BLOCK, (all, name: string) => {
    const schema = FIELD_TABLES[name];
    return schema ? block(name, `\n${renderFieldTable(schema)}\n`) : all;
  });
}

/** Tables that drifted from their schema, unknown table names, and tables the README lacks. */
export function fieldTableProblems(file: string, readme: string): Problem[] {
  const problems: Problem[] = [];
  const lineAt = (index: number) => readme.slice(0, index).split('\n').length;
  const seen = new Set<string>();
  for (const m of readme.matchAll(BLOCK)) {
    const [, name = '', body = ''] = m;
    seen.add(name);
    const schema = FIELD_TABLES[name];
    const at = { file, line: lineAt(m.index), column: 1 };
    if (!schema)
      problems.push({
        ...at,
        message: `Unknown field table "${name}" (known: ${Object.keys(FIELD_TABLES).join(', ')})`,
      });
    else if (body !== `\n${renderFieldTable(schema)}\n`)
      problems.push({
        ...at,
        message: `The "${name}" field table is out of date with its schema: run \`npm run content:check -- --write-docs\``,
      });
  }
  for (const name of Object.keys(FIELD_TABLES)) {
    if (!seen.has(name))
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `Missing field table: add <!-- fields:${name} --><!-- /fields:${name} --> and run \`npm run content:check -- --write-docs\``,
      });
  }
  return problems;
}
