import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import {
  FIELD_TABLES,
  fieldTableProblems,
  renderFieldTable,
  undocumentedFields,
  updateFieldTables,
} from '../../src/authoring/fieldTables';
import { formatProblem } from '../../src/compiler/problems';
import { lessonFrontmatterSchema } from '../../src/schema/lesson';

const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'content/README.md'), 'utf8');

test('content/README.md field tables match the zod schemas (fix: npm run content:check -- --write-docs)', () => {
  expect(fieldTableProblems('content/README.md', readme).map(formatProblem)).toEqual([]);
  expect(updateFieldTables(readme)).toBe(readme);
});

test('every field of the content format has a description', () => {
  expect(undocumentedFields()).toEqual([]);
});

test('a table is generated from the schema in words: required, type, description', () => {
  const table = renderFieldTable(lessonFrontmatterSchema).split('\n');
  expect(table[0]).toBe('| Field | Required | Type | What it is |');
  expect(table).toContain(
    '| `domain` | yes | whole number, 1–4 | DVA-C02 domain: 1 Development with AWS Services, 2 Security, 3 Deployment, 4 Troubleshooting and Optimization. |',
  );
  const exercise = renderFieldTable(FIELD_TABLES.exercise!);
  expect(exercise).toContain('| `timeLimitMs` | no (default `5000`) | whole number, 500–30000 |');
  expect(exercise).toContain('| `difficulty` | yes | one of `easy`, `medium` or `hard` |');
});

test('a drifted table is reported at its marker line, and --write-docs puts it right', () => {
  const drifted =
    'Intro\n\n<!-- fields:lesson -->\n| Field |\n<!-- /fields:lesson -->\n<!-- fields:nonsense -->\n<!-- /fields:nonsense -->\n';
  const found = fieldTableProblems('README.md', drifted).map(formatProblem);
  expect(found).toContain(
    'README.md:3:1  The "lesson" field table is out of date with its schema: run `npm run content:check -- --write-docs`',
  );
  expect(found).toContainEqual(expect.stringMatching(/^README\.md:6:1 {2}Unknown field table "nonsense"/));
  expect(found).toContain(
    'README.md:1:1  Missing field table: add <!-- fields:exercise --><!-- /fields:exercise --> and run `npm run content:check -- --write-docs`',
  );
  const fixed = updateFieldTables(drifted);
  expect(fixed).toContain(
    `<!-- fields:lesson -->\n${renderFieldTable(lessonFrontmatterSchema)}\n<!-- /fields:lesson -->`,
  );
  expect(fieldTableProblems('README.md', fixed).filter((p) => p.line === 3)).toEqual([]);
});
