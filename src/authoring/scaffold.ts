import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontmatter } from '../compiler/frontmatter.ts';

/**
 * `npm run new -- lesson|quiz|exercise <slug>`: files that already pass content:check, except for
 * their `TODO(author)` placeholders, which content:check reports until the author replaces them.
 * The exercise is a small working one (read a parameter), so its proof runs from the start.
 */
/** Marks what the author must write; content:check reports every one, so none reaches a learner. */
export const PLACEHOLDER = 'TODO(author)';

/** What a placeholder line asks for: the text after the marker, without closing quotes or comment marks. */
export function placeholderText(line: string): string | undefined {
  const at = line.indexOf(PLACEHOLDER);
  if (at < 0) return undefined;
  const text = line.slice(at + PLACEHOLDER.length).replace(/^[:\s]+/, '');
  return (line[at - 1] === '"' ? text.replace(/"\s*$/, '') : text).replace(/\s*(-->|\*\/)\s*$/, '');
}

export const SCAFFOLD_KINDS = ['lesson', 'quiz', 'exercise'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

export interface Placeholder {
  file: string;
  line: number;
  text: string;
}

export interface ScaffoldResult {
  /** Created files, relative to the project root. */
  files: string[];
  /** Every `TODO(author)` line in them: what the author has to write. */
  placeholders: Placeholder[];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TODO = `${PLACEHOLDER}:`;

interface Context {
  slug: string;
  title: string;
  /** One more than the highest `order` in use. */
  order: number;
  /** The first lesson by order: questions and exercises must link an existing one. */
  lesson: string | undefined;
}

/** Writes the files for a new lesson, quiz file or exercise; refuses to overwrite anything. */
export async function scaffold(
  kind: ScaffoldKind,
  slug: string,
  dir: string,
  root = process.cwd(),
): Promise<ScaffoldResult> {
  if (!KEBAB.test(slug))
    throw new Error(`"${slug}" is not a valid name: use lowercase words joined by hyphens, e.g. "rotation-schedules"`);
  const orders = await frontmatterOrders(kind === 'exercise' ? exerciseFiles(dir) : lessonFiles(dir));
  const lessons = await frontmatterOrders(lessonFiles(dir));
  const first = [...lessons].sort((a, b) => a.order - b.order)[0];
  const ctx: Context = {
    slug,
    title: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    order: Math.max(0, ...orders.map((o) => o.order)) + 1,
    lesson: first ? path.basename(first.file, '.md') : undefined,
  };
  if (kind !== 'lesson' && !ctx.lesson) throw new Error('Create a lesson first: questions and exercises link to one.');
  const files: Record<string, string> =
    kind === 'lesson'
      ? { [`lessons/${slug}.md`]: lessonTemplate(ctx) }
      : kind === 'quiz'
        ? { [`quiz/${slug}.yaml`]: quizTemplate(ctx) }
        : exerciseTemplates(ctx);
  const taken = path.join(dir, kind === 'exercise' ? `exercises/${slug}` : (Object.keys(files)[0] ?? ''));
  if (
    await readdir(path.dirname(taken)).then(
      (names) => names.includes(path.basename(taken)),
      () => false,
    )
  ) {
    throw new Error(`${path.relative(root, taken)} already exists`);
  }
  const created: string[] = [];
  const placeholders: Placeholder[] = [];
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(dir, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' });
    const file = path.relative(root, target).split(path.sep).join('/');
    created.push(file);
    text.split('\n').forEach((line, i) => {
      const what = placeholderText(line);
      if (what !== undefined) placeholders.push({ file, line: i + 1, text: what });
    });
  }
  return { files: created, placeholders };
}

async function lessonFiles(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, 'lessons')).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.md')).map((n) => path.join(dir, 'lessons', n));
}

async function exerciseFiles(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, 'exercises')).catch(() => [] as string[]);
  return names.map((n) => path.join(dir, 'exercises', n, 'exercise.md'));
}

async function frontmatterOrders(files: Promise<string[]>): Promise<{ file: string; order: number }[]> {
  const found = await Promise.all(
    (await files).map(async (file) => {
      const text = await readFile(file, 'utf8').catch(() => '');
      const order = splitFrontmatter(text).yaml?.doc.get('order');
      return typeof order === 'number' ? [{ file, order }] : [];
    }),
  );
  return found.flat();
}

function lessonTemplate({ title, order, lesson }: Context): string {
  const link = lesson ? ` Link another lesson like this: [that lesson](${lesson}.md).` : '';
  return `---
title: ${title} # ${TODO} the title, shown in the outline and as the page heading
order: ${order}
summary: What the learner can do after this lesson, in one or two sentences. # ${TODO} the summary under the title
domain: 2 # ${TODO} the DVA-C02 domain: 1 Development, 2 Security, 3 Deployment, 4 Troubleshooting
task: "2.3" # ${TODO} the task statement within the domain, e.g. "2.3"
minutes: 5 # ${TODO} the estimated reading time
---

${TODO} open with the problem this lesson solves, in a sentence or two.

## First section

${TODO} write this section.${link}

> [!EXAM]
> ${TODO} what the exam expects the learner to know here.

${TODO} keep, change or delete this example diagram (https://mermaid.js.org).

\`\`\`mermaid
sequenceDiagram
    participant App
    participant SM as Secrets Manager
    App->>SM: GetSecretValue
    SM-->>App: SecretString
\`\`\`

${TODO} keep, change or delete this example code: \`ts\` blocks are compiled against the AWS SDK.

\`\`\`ts
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});
const response = await client.send(new GetSecretValueCommand({ SecretId: 'pettracker/dev/db-credentials' }));
console.log(response.VersionStages);
\`\`\`
`;
}

function quizTemplate({ slug, lesson }: Context): string {
  const option = (correct: boolean, what: string) => `    - text: "${TODO} ${what}"
      correct: ${correct}
      explanation: "${TODO} why this option is ${correct ? 'right' : 'wrong'}"`;
  return `# ${TODO} say what this file's questions cover (a comment: learners never see it).

- id: ${slug}-first-question # ${TODO} a unique id naming what the question tests; never change it once published
  type: single
  domain: 2 # ${TODO} the DVA-C02 domain: 1 Development, 2 Security, 3 Deployment, 4 Troubleshooting
  task: "2.3" # ${TODO} the task statement within the domain
  difficulty: medium
  lesson: ${lesson} # ${TODO} the lesson section that teaches the answer, as slug#heading-anchor
  stem: >-
    ${TODO} the scenario and the question: "A developer needs to ... Which solution meets these requirements?"
  options:
${option(true, 'the right answer')}
${option(false, 'a tempting wrong answer')}
${option(false, 'another wrong answer')}
${option(false, 'a third wrong answer')}
`;
}

function exerciseTemplates({ slug, title, order, lesson }: Context): Record<string, string> {
  const base = `exercises/${slug}`;
  const read = (body: string) => `import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

const client = new SSMClient({});

export async function readGreeting(): Promise<string | undefined> {
${body}
}
`;
  return {
    [`${base}/exercise.md`]: `---
title: ${title} # ${TODO} the exercise title
order: ${order}
summary: Read a value from Parameter Store and return it. # ${TODO} one sentence, what the learner builds
lesson: ${lesson} # ${TODO} the lesson section that teaches this, as slug#heading-anchor
difficulty: easy # ${TODO} easy, medium or hard
hints:
  - "Send a GetParameterCommand with the parameter's Name." # ${TODO} hints, from gentle to explicit
  - "The value is in the response's Parameter.Value."
---

${TODO} the story: who needs what, and why.

## Your tasks

Export \`readGreeting(): Promise<string | undefined>\` that returns the value of the parameter
\`/pettracker/dev/greeting\`.

## What to know

${TODO} the facts the learner needs, and the lesson that teaches them: [the lesson](${lesson}.md).
`,
    [`${base}/starter.ts`]: `// ${TODO} the code the learner starts from. It must fail the checks.
${read('  // TODO: send a GetParameterCommand for /pettracker/dev/greeting and return its value.\n  return undefined;')}`,
    [`${base}/solution.ts`]: `// ${TODO} your reference solution. It must pass every check.
${read("  const response = await client.send(new GetParameterCommand({ Name: '/pettracker/dev/greeting' }));\n  return response.Parameter?.Value;")}`,
    [`${base}/checks.ts`]: `// ${TODO} one task per thing the learner must get right; each failure says what to do next.
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { type CheckContext, defineChecks } from '@lab/checks';

const NAME = '/pettracker/dev/greeting';

/** The learner's readGreeting, or a failure that says how to export it. */
function readGreeting(t: CheckContext): () => Promise<unknown> {
  const fn = t.exports.readGreeting;
  if (typeof fn !== 'function') t.fail('Export the function: \`export async function readGreeting() { ... }\`.');
  return fn as () => Promise<unknown>;
}

export default defineChecks([
  {
    id: 'exports-function',
    title: 'Exports readGreeting()',
    run: (t) => {
      readGreeting(t);
    },
  },
  {
    id: 'returns-value',
    title: \`Returns the value of \${NAME}\`,
    run: async (t) => {
      const value = await readGreeting(t)();
      const stored = (await t.ssm.send(new GetParameterCommand({ Name: NAME }))).Parameter?.Value;
      t.expect(value === stored, \`readGreeting() returned \${JSON.stringify(value)}: it should return the value of \${NAME}.\`);
    },
  },
]);
`,
    [`${base}/fixture.yaml`]: `# ${TODO} the simulated AWS account the code runs against (fields: content/README.md).
parameters:
  - name: /pettracker/dev/greeting
    value: Hello from Parameter Store
`,
    [`${base}/wrong/returns-name.ts`]: `// expect: returns-value: it should return the value of /pettracker/dev/greeting
// ${TODO} a typical mistake; the first line names the task that must fail and part of its message.
${read("  const response = await client.send(new GetParameterCommand({ Name: '/pettracker/dev/greeting' }));\n  return response.Parameter?.Name;")}`,
  };
}
