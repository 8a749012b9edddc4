import { z } from 'zod';
import { DOMAINS, taskOf } from './dva-c02.ts';
import { chooseCount, type Difficulty, QUESTION_TYPES, type Question } from './questionTypes.ts';

/**
 * A quiz question (`content/quiz/<topic>.yaml` holds a list of them). This schema is the authors'
 * documentation: every field carries a description, and content/README.md's table is generated
 * from `questionFieldsSchema.shape`.
 *
 * The exam's rules it enforces: a single-answer question has four options and one key; a
 * multiple-response question has five or more options, two or more keys, and its stem says how many
 * to choose ("(Choose TWO.)"), which must equal the number of keys. Every option explains itself.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LESSON_LINK = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9_-]+)?$/;
const WORDS: Record<number, string> = { 2: 'TWO', 3: 'THREE', 4: 'FOUR', 5: 'FIVE' };

const DIFFICULTY_WORDS: Record<'easy' | 'medium' | 'hard', Difficulty> = { easy: 1, medium: 2, hard: 3 };

export const optionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(KEBAB, 'an option id is lowercase-kebab, e.g. "use-secrets-manager"')
      .optional()
      .describe('Optional stable id. Without it the option is named by its letter in the file: a, b, c...'),
    text: z.string().trim().min(1, 'option text is empty').describe('What the learner reads (markdown).'),
    correct: z
      .boolean()
      .optional()
      .describe(
        'true for a key, false for a distractor. Required for single and multiple; omitted for ordering (the file order is the key).',
      ),
    explanation: z
      .string()
      .trim()
      .min(1, 'explanation is empty: say why this option is right or wrong')
      .describe(
        'Why this option is right or wrong (or, for ordering, why this step comes here). Required on every option.',
      ),
  })
  .describe('One answer option, or one step of an ordering question.');

export const questionFieldsSchema = z.strictObject({
  id: z
    .string()
    .regex(KEBAB, 'an id is lowercase-kebab, e.g. "sm-rotation-four-steps"')
    .describe('Unique across all quiz files, lowercase-kebab. Never reuse or rename: learners’ history refers to it.'),
  type: z
    .enum(QUESTION_TYPES, { error: 'type must be single, multiple or ordering' })
    .describe(
      'single: one right answer of exactly 4 options. multiple: two or more right of 5 or more, and the stem says how many. ordering: steps listed in the right order, shuffled on display.',
    ),
  stem: z
    .string()
    .trim()
    .min(20, 'the stem is too short for a scenario')
    .describe(
      'The scenario and the question, in markdown ("A developer needs..."). A multiple stem ends with "(Choose TWO.)" or THREE.',
    ),
  options: z
    .array(optionSchema)
    .describe('The options (single, multiple) or the steps in their correct order (ordering).'),
  domain: z
    .literal([1, 2, 3, 4], {
      error: 'domain must be 1 (Development), 2 (Security), 3 (Deployment) or 4 (Troubleshooting and Optimization)',
    })
    .describe(
      'DVA-C02 domain: 1 Development with AWS Services, 2 Security, 3 Deployment, 4 Troubleshooting and Optimization.',
    ),
  task: z
    .union([z.string(), z.number()], { error: 'task must be a task statement like "2.3"' })
    .describe('The DVA-C02 task statement within the domain, e.g. "2.3" (Manage sensitive data in application code).'),
  difficulty: z
    .union([z.literal([1, 2, 3]), z.enum(['easy', 'medium', 'hard'])], {
      error: 'difficulty must be 1, 2, 3 or easy, medium, hard',
    })
    .describe('1 (easy), 2 (medium) or 3 (hard); the words work too.'),
  lesson: z
    .string()
    .regex(LESSON_LINK, 'lesson is a lesson slug with an optional #heading-anchor, e.g. "rotation#the-four-steps"')
    .describe(
      'The lesson section that teaches the answer: a slug of content/lessons/<slug>.md, optionally #heading-anchor.',
    ),
  exercise: z
    .string()
    .regex(KEBAB, 'exercise is an exercise slug, e.g. "rotation-function"')
    .optional()
    .describe('The lab exercise that proves the point, if one exists: a folder name in content/exercises/.'),
  note: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      'A note for authors and learners, e.g. where the course seed is out of date and what AWS documents today.',
    ),
  sources: z
    .array(z.url({ protocol: /^https$/, error: 'a source is an https:// address, e.g. an AWS documentation page' }))
    .min(1)
    .optional()
    .describe(
      'Authoring notes: the AWS documentation pages (https addresses) that the stem, the key and the explanations follow.',
    ),
});

type QuestionFields = z.output<typeof questionFieldsSchema>;
type RuleContext = { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[] }): void };

/** The exam's shape rules. Runs even when some fields are invalid, so every problem shows at once. */
function checkRules(q: Partial<QuestionFields>, ctx: RuleContext): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });
  const options = Array.isArray(q.options) ? q.options : [];
  const correct = options.filter((o) => o?.correct === true).length;
  const ids = new Map<string, number>();
  options.forEach((o, i) => {
    const id = o?.id ?? letter(i);
    if (ids.has(id)) issue(['options', i, 'id'], `option id "${id}" is used twice in this question`);
    ids.set(id, i);
    if (q.type === 'ordering' && o?.correct !== undefined)
      issue(['options', i, 'correct'], 'ordering steps have no "correct": list them in the right order instead');
    if ((q.type === 'single' || q.type === 'multiple') && o?.correct === undefined)
      issue(['options', i, 'correct'], `"correct: true" or "correct: false" is required on every ${q.type} option`);
  });
  const asked = typeof q.stem === 'string' ? chooseCount(q.stem) : undefined;
  if (q.type === 'single') {
    if (options.length !== 4) issue(['options'], `a single question has exactly 4 options, found ${options.length}`);
    if (correct !== 1) issue(['options'], `a single question has exactly 1 correct option, found ${correct}`);
    if (asked !== undefined)
      issue(['stem'], `the stem asks to choose ${asked}: make the type "multiple" or drop "(Choose …)"`);
  }
  if (q.type === 'multiple') {
    if (options.length < 5 || options.length > 8)
      issue(['options'], `a multiple question has 5 to 8 options, found ${options.length}`);
    if (asked === undefined) issue(['stem'], 'a multiple stem must say how many to choose, e.g. "(Choose TWO.)"');
    else if (correct !== asked)
      issue(
        ['options'],
        `the stem asks to choose ${WORDS[asked] ?? asked} but ${correct} option${correct === 1 ? ' is' : 's are'} marked correct`,
      );
    else if (correct < 2) issue(['options'], 'a multiple question has at least 2 correct options');
  }
  if (q.type === 'ordering' && (options.length < 3 || options.length > 8))
    issue(['options'], `an ordering question has 3 to 8 steps, found ${options.length}`);
  const task = q.task === undefined ? undefined : taskId(q.task);
  if (task !== undefined) {
    if (!taskOf(task))
      issue(['task'], `"${task}" is not a DVA-C02 task statement (1.1–1.3, 2.1–2.3, 3.1–3.4, 4.1–4.3)`);
    else {
      const domain = DOMAINS.find((d) => d.id === q.domain);
      if (domain && !task.startsWith(`${domain.id}.`))
        issue(['task'], `task ${task} is not in domain ${domain.id} (${domain.title})`);
    }
  }
}

function letter(index: number): string {
  return String.fromCharCode(97 + index);
}

/** YAML reads `task: 2.3` as a number; both spellings mean the same task statement. */
function taskId(value: string | number): string {
  return typeof value === 'number' ? value.toFixed(1) : value.trim();
}

/** A validated question with defaults filled in (option ids, numeric difficulty, task as text). */
export const questionSchema = questionFieldsSchema
  .check(z.superRefine(checkRules, { when: (payload) => typeof payload.value === 'object' && payload.value !== null }))
  .transform(
    (q): Question => ({
      ...q,
      domain: q.domain,
      task: taskId(q.task),
      difficulty: typeof q.difficulty === 'number' ? q.difficulty : DIFFICULTY_WORDS[q.difficulty],
      options: q.options.map((o, i) => ({ ...o, id: o.id ?? letter(i) })),
    }),
  );

export type QuestionInput = z.input<typeof questionFieldsSchema>;
