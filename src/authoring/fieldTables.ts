import type { Problem } from '../compiler/problems.ts';
import { defOf, describeField, nestedObject, requiredLabel, type Schema, typeLabel } from '../schema/describe.ts';
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
