import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/authoring/checkContent';
import { editorDiagnostics } from '../../src/authoring/editorTypecheck';
import { formatProblem } from '../../src/compiler/problems';

const root = path.resolve(__dirname, '../..');
const fixtures = 'test/fixtures/broken-content';

// The lab editor's declarations (the SDK's .d.ts files) are parsed once per worker: seconds on a
// quiet machine, over a minute on a loaded one. Paid here, under its own limit, rather than by
// whichever test first checks exercise code (the files share their worker: isolate: false).
beforeAll(() => void editorDiagnostics('warm-up.ts', '', root), 300_000);

/** The errors content:check reports for one fixture folder, as `file:line:column  message` without the folder. */
async function errors(name: string): Promise<string[]> {
  const problems = await checkContent(path.join(fixtures, name), { root });
  return problems
    .filter((p) => p.severity !== 'warning')
    .map((p) => formatProblem(p).replace(`${fixtures}/${name}/`, ''));
}

test('a clean folder has no problems at all', async () => {
  expect(await checkContent(path.join(fixtures, 'clean'), { root })).toEqual([]);
});

describe('each rule reports its problem at the offending line', () => {
  test('lesson frontmatter: a value out of range and an unknown key', async () => {
    const found = await errors('lesson-frontmatter');
    expect(found).toContain('lessons/basics.md:5:1  domain: 7 is out of range: expected whole number, 1–4');
    expect(found).toContain(
      'lessons/basics.md:8:1  `author` is not a field (check its spelling; the fields are `title`, `order`, `summary`, `domain`, `task`, `minutes`, `sources`)',
    );
    expect(found).toHaveLength(2);
  });

  test('question schema: a misspelt field and a missing one', async () => {
    expect(await errors('question-schema')).toEqual([
      'quiz/basics.yaml:1:3  question "misspelt-field": `stem` is missing: add it (text, at least 20 characters)',
      'quiz/basics.yaml:5:3  question "misspelt-field": `dificulty` is not a field: did you mean `difficulty`?',
    ]);
  });

  test('unique ids: lesson order, exercise order and question id', async () => {
    expect(await errors('unique-ids')).toEqual([
      `exercises/second/exercise.md:3:1  order: 1 is already used by ${fixtures}/unique-ids/exercises/first/exercise.md`,
      `lessons/more-basics.md:3:1  order: 1 is already used by ${fixtures}/unique-ids/lessons/basics.md`,
      `quiz/b.yaml:1:3  question "same-id": duplicate id "same-id" (first used at ${fixtures}/unique-ids/quiz/a.yaml:1)`,
    ]);
  });

  test('links: question → lesson, heading and exercise; exercise → lesson; lesson → heading', async () => {
    expect(await errors('links')).toEqual([
      'exercises/linked/exercise.md:5:1  lesson: "basics#no-such-heading": basics.md has no heading with the anchor #no-such-heading (headings: #reading-a-secret)',
      'exercises/linked/exercise.md:13:1  Link to "gone.md": no lesson content/lessons/gone.md',
      'lessons/basics.md:14:1  Link to "basics.md#writing-a-secret": no heading with that anchor (headings: reading-a-secret)',
      'quiz/links.yaml:6:3  question "wrong-lesson": lesson: "missing-lesson": no lesson content/lessons/missing-lesson.md',
      'quiz/links.yaml:27:3  question "wrong-anchor": lesson: "basics#not-a-heading": basics.md has no heading with the anchor #not-a-heading (headings: #reading-a-secret)',
      'quiz/links.yaml:49:3  question "wrong-exercise": exercise: "no-such-exercise": no exercise folder content/exercises/no-such-exercise/',
    ]);
  });

  test('mermaid: the broken diagram is reported at its broken line, the good one passes', async () => {
    expect(await errors('mermaid')).toEqual([
      'lessons/basics.md:23:6  Diagram line 3 "B -->": mermaid expects one of "&", ":", "|", text, a node name, but finds the end of the diagram (syntax: https://mermaid.js.org/syntax/flowchart.html)',
    ]);
  });

  test('typescript: each diagnostic at its line in the lesson; blocks are separate modules; course modules resolve', async () => {
    const found = await errors('typescript');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      /^lessons\/basics\.md:26:\d+ {2}TypeScript: .*'SecretID' does not exist in type 'GetSecretValueCommandInput'\. Did you mean to write 'SecretId'\? \(TS2769\)$/,
    );
    expect(found[1]).toBe(
      "lessons/basics.md:27:24  TypeScript: 'response.SecretString' is possibly 'undefined'. (TS18048)",
    );
  });

  test("exercise code: what the lab's editor would underline in the starter or the solution, at its line", async () => {
    expect(await errors('exercise-types')).toEqual([
      "exercises/typed/solution.ts:5:52  TypeScript in the lab's editor: Property 'sendd' does not exist on type 'SecretsManagerClient'. Did you mean 'send'? (TS2551)",
      "exercises/typed/starter.ts:3:9  TypeScript in the lab's editor: Type 'string | undefined' is not assignable to type 'number'.   Type 'undefined' is not assignable to type 'number'. (TS2322)",
    ]);
  });

  test('multiple response: the keys must match the count the stem asks for', async () => {
    expect(await errors('multiple-count')).toEqual([
      'quiz/basics.yaml:8:3  question "choose-two-marks-three": options: the stem asks to choose TWO but 3 options are marked correct',
    ]);
  });

  test('every option explains itself', async () => {
    expect(await errors('missing-explanation')).toEqual([
      'quiz/basics.yaml:12:7  question "one-option-unexplained": `options[1].explanation` is missing: add it (text)',
      'quiz/basics.yaml:16:7  question "one-option-unexplained": options[2].explanation: explanation is empty: say why this option is right or wrong',
    ]);
  });

  test('exercise proof: failing solution, passing starter, wrong answers that do not fail as they say, unloadable checks', async () => {
    const found = await errors('exercise-proof');
    expect(found).toEqual([
      'exercises/swapped/solution.ts:1:1  The solution must pass every check: returns-42: answer() returned 41, expected 42.',
      'exercises/swapped/starter.ts:1:1  The starter passes every check: it must leave something for the learner to do',
      'exercises/swapped/wrong/no-header.ts:1:1  A wrong answer starts with a line "// expect: <task-id>: <text of the failure message>"',
      'exercises/swapped/wrong/other-message.ts:1:1  task "returns-42" failed with "answer() returned 7, expected 42.", expected it to mention "answer() threw"',
      'exercises/swapped/wrong/passes.ts:1:1  expected task "returns-42" to fail, but it passed',
      'exercises/swapped/wrong/unknown-task.ts:1:1  expects task "no-such-task", but the checks have: returns-42',
      expect.stringMatching(
        /^exercises\/unloadable\/checks\.ts:1:1 {2}The checks could not be loaded: .*must `export default defineChecks/,
      ),
    ]);
  });

  test('fixture schema: each entry at its own line', async () => {
    expect(await errors('fixture-schema')).toEqual([
      'exercises/bad-fixture/fixture.yaml:2:5  secrets[0]: Give exactly one of value or binary',
      'exercises/bad-fixture/fixture.yaml:5:5  secrets[1]: `colour` is not a field (check its spelling; the fields are `name`, `value`, `binary`, `description`, `kmsKeyId`, `tags`, `account`, `resourcePolicy`, `versions`, `scheduledForDeletion`, `masterSecret`)',
      'exercises/bad-fixture/fixture.yaml:7:5  `parameters[0].name` is missing: add it (text)',
    ]);
  });

  test('placeholders left by npm run new', async () => {
    expect(await errors('placeholder')).toEqual([
      'lessons/basics.md:2:17  Placeholder from "npm run new": the title, shown in the outline',
      'lessons/basics.md:12:1  Placeholder from "npm run new": write this section.',
    ]);
  });

  test('an unknown callout marker, but not inside a code block', async () => {
    expect(await errors('callout')).toEqual([
      'lessons/basics.md:15:3  Unknown callout [!EXAMTIP]: use one of [!EXAM], [!TIP], [!NOTE], [!WARNING], [!CURRENT]',
    ]);
  });
});

test('warnings are reported but are not errors', async () => {
  const problems = await checkContent(path.join(fixtures, 'callout'), { root });
  expect(problems.filter((p) => p.severity === 'warning').map(formatProblem)).toEqual([
    `${fixtures}/callout/lessons/basics.md:1:1  No quiz question links to this lesson: add one with \`lesson: <slug>#<heading>\`.`,
    `${fixtures}/callout/lessons/basics.md:18:1  Code block language "markdown" is not highlighted: use one of ts, typescript, js, javascript, bash, sh, shell, json, yaml, yml, python, py, text, txt`,
  ]);
});
