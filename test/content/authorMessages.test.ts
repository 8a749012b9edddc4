import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { checkContent } from '../../src/authoring/checkContent';
import { contentPlugin } from '../../src/compiler/contentPlugin';
import { formatProblem } from '../../src/compiler/problems';

const root = path.resolve(__dirname, '../..');
const folder = 'test/fixtures/broken-content/author-messages';

/** Every error content:check reports in the fixture, as `file:line:column  message` without the folder. */
async function errors(): Promise<string[]> {
  const problems = await checkContent(folder, { root, prove: false });
  return problems.filter((p) => p.severity !== 'warning').map((p) => formatProblem(p).replace(`${folder}/`, ''));
}
const at = (list: string[], where: string) => list.filter((e) => e.startsWith(`${where}  `));

afterEach(() => {
  delete process.env.SECRETS_LAB_CONTENT;
});

test('one run reports every problem of every file: a frontmatter error does not hide the same file’s link or diagram', async () => {
  const found = await errors();
  expect(found.filter((e) => e.startsWith('lessons/basics.md:')).map((e) => e.split('  ')[0])).toEqual([
    'lessons/basics.md:5:1',
    'lessons/basics.md:12:1',
    'lessons/basics.md:16:7',
  ]);
  // Every file of the fixture has its problem in the same run.
  expect(new Set(found.map((e) => e.split(':')[0]))).toEqual(
    new Set([
      'exercises/hinted/exercise.md',
      'lessons/basics.md',
      'lessons/colon.md',
      'lessons/diagrams.md',
      'lessons/quoted.md',
    ]),
  );
});

test('a misspelt field is reported at its own line, with the field it probably meant, and only once', async () => {
  const found = await errors();
  expect(at(found, 'lessons/basics.md:5:1')).toEqual([
    'lessons/basics.md:5:1  `domian` is not a field: did you mean `domain`?',
  ]);
  expect(found.some((e) => e.includes('`domain` is missing'))).toBe(false);
});

test('a quote that never closes is reported where it opens, with how to close it', async () => {
  expect(at(await errors(), 'lessons/quoted.md:2:8')).toEqual([
    `lessons/quoted.md:2:8  YAML: the text that starts with " here never ends: close it with " (inside "…" write \\" for a quote, inside '…' write '')`,
  ]);
});

test('an unquoted ": " in a value says to quote it, and shows the line quoted', async () => {
  const found = await errors();
  expect(at(found, 'lessons/colon.md:4:10')[0]).toContain(
    'put the whole value in double quotes, like this: summary: "Rotation: the four steps, with a colon the author did not quote."',
  );
  // In a list, YAML makes such an item a mapping: the message says why, and how to write it.
  expect(at(found, 'exercises/hinted/exercise.md:8:5')).toEqual([
    'exercises/hinted/exercise.md:8:5  hints[0]: this text contains ": ", so YAML reads it as a name and a value: put the whole text in double quotes, like this: "Remember: the answer is a number"',
  ]);
});

test('mermaid errors name the diagram line as written, what mermaid expected in characters, and no parser tokens', async () => {
  const found = await errors();
  const [flowchart] = at(found, 'lessons/basics.md:16:7');
  expect(flowchart).toContain('Diagram line 2 "App[PetTracker --> SM[Secrets Manager]": mermaid expects one of "]"');
  expect(flowchart).toContain('but finds "["');
  expect(flowchart).toContain('https://mermaid.js.org/syntax/flowchart.html');
  expect(at(found, 'lessons/diagrams.md:15:6')[0]).toContain('"App->>: GetSecretValue": mermaid expects one of');
  expect(at(found, 'lessons/diagrams.md:15:6')[0]).toContain('a participant name');
  expect(at(found, 'lessons/diagrams.md:21:1')[0]).toContain(
    '"flowchat LR" names no diagram type mermaid knows: did you mean "flowchart"?',
  );
  for (const e of found) expect(e).not.toMatch(/\b(SQE|SQS|DOUBLECIRCLEEND|ACTOR|TXT|NEWLINE|EOF)\b/);
});

test('the build stops at a diagram that does not parse, with file:line, every problem listed and no stack frames', async () => {
  // Prepare: the content plugin reads the folder named by SECRETS_LAB_CONTENT, as `npm run build` does.
  process.env.SECRETS_LAB_CONTENT = folder;
  const load = contentPlugin({ projectRoot: root }).load as (id: string) => Promise<string>;
  // Act
  const error = await load('\0virtual:course').then(
    () => undefined,
    (e: Error) => e,
  );
  // Assess
  expect(error?.message).toContain(`${folder}/lessons/basics.md:16:7  Diagram line 2`);
  expect(error?.message).toContain(`${folder}/lessons/basics.md:5:1  \`domian\` is not a field`);
  expect(error?.message).toContain(`${folder}/lessons/diagrams.md:21:1  The first line "flowchat LR"`);
  expect(error?.stack).not.toMatch(/\n\s+at /);
});
