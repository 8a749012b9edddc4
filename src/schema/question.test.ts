import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuestionFiles, parseQuestionFile } from '../compiler/loadQuestions';
import { formatProblem } from '../compiler/problems';
import { questionFieldsSchema, questionSchema } from './question';
import { answerKey, chooseCount, lessonLink } from './questionTypes';

const FIXTURES = 'test/fixtures/quiz';
const BANK = 'content/quiz';

function readDir(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

function problemsOf(name: string): string[] {
  const file = join(FIXTURES, name);
  return parseQuestionFile(file, readFileSync(file, 'utf8')).problems.map(formatProblem);
}

const valid = {
  id: 'pick-secrets-manager',
  type: 'single',
  domain: 2,
  task: '2.3',
  difficulty: 'medium',
  lesson: 'choosing#when-to-use-which',
  stem: 'A developer needs database credentials rotated automatically every 30 days. Which service?',
  options: [
    { text: 'Secrets Manager', correct: true, explanation: 'Built-in rotation with a rotation function.' },
    { text: 'Parameter Store', correct: false, explanation: 'No built-in rotation.' },
    { text: 'Lambda environment variables', correct: false, explanation: 'No rotation; visible in the console.' },
    { text: 'An S3 object', correct: false, explanation: 'No rotation.' },
  ],
};

describe('questionSchema', () => {
  it('accepts a valid question and fills in option letters and a numeric difficulty', () => {
    const q = questionSchema.parse(valid);
    expect(q.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(q.difficulty).toBe(2);
    expect(answerKey(q)).toEqual(['a']);
    expect(lessonLink(q)).toEqual({ slug: 'choosing', anchor: 'when-to-use-which' });
  });

  it('reads an unquoted YAML task (a number) as the task statement', () => {
    expect(questionSchema.parse({ ...valid, task: 2.3 }).task).toBe('2.3');
  });

  it('keeps https sources as authoring notes and refuses any other address', () => {
    const url = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html';
    expect(questionSchema.parse({ ...valid, sources: [url] }).sources).toEqual([url]);
    const refused = questionSchema.safeParse({ ...valid, sources: ['http://example.com/page'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/https:\/\/ address/);
  });

  it('describes every field, for the authors’ documentation', () => {
    for (const [name, field] of Object.entries(questionFieldsSchema.shape))
      expect(field.description, name).toBeTruthy();
  });

  it('reads how many a multiple-response stem asks for', () => {
    expect(chooseCount('Which ones? (Choose TWO.)')).toBe(2);
    expect(chooseCount('Which ones? (Choose three.)')).toBe(3);
    expect(chooseCount('Which ones? (Select 2)')).toBe(2);
    expect(chooseCount('Which one?')).toBeUndefined();
  });

  it('keeps the authored order as the key of an ordering question', () => {
    const q = questionSchema.parse({
      ...valid,
      type: 'ordering',
      options: ['createSecret', 'setSecret', 'testSecret', 'finishSecret'].map((id) => ({
        id: id.toLowerCase(),
        text: id,
        explanation: id,
      })),
    });
    expect(answerKey(q)).toEqual(['createsecret', 'setsecret', 'testsecret', 'finishsecret']);
  });

  it('refuses a single question with five options or two keys, and a choose-count in its stem', () => {
    const five = questionSchema.safeParse({ ...valid, options: [...valid.options, valid.options[1]] });
    expect(five.error?.issues.map((i) => i.message)).toContain('a single question has exactly 4 options, found 5');
    const twoKeys = questionSchema.safeParse({
      ...valid,
      options: valid.options.map((o) => ({ ...o, correct: true })).slice(0, 4),
    });
    expect(twoKeys.error?.issues.map((i) => i.message)).toContain(
      'a single question has exactly 1 correct option, found 4',
    );
    const choose = questionSchema.safeParse({ ...valid, stem: `${valid.stem} (Choose TWO.)` });
    expect(choose.error?.issues[0]?.path).toEqual(['stem']);
  });
});

describe('parseQuestionFile on broken fixtures', () => {
  it('reports a key count that differs from the stem at the options line', () => {
    expect(problemsOf('wrong-count.yaml')).toEqual([
      'test/fixtures/quiz/wrong-count.yaml:10:3  question "wrong-count": options: the stem asks to choose TWO but 3 options are marked correct',
    ]);
  });

  it('reports a missing explanation at its option', () => {
    expect(problemsOf('missing-explanation.yaml')).toEqual([
      'test/fixtures/quiz/missing-explanation.yaml:12:7  question "missing-explanation": `options[1].explanation` is missing: add it (text)',
    ]);
  });

  it('reports a duplicate id at the second id, naming the first', () => {
    expect(problemsOf('duplicate-id.yaml')).toEqual([
      'test/fixtures/quiz/duplicate-id.yaml:21:3  question "same-id": duplicate id "same-id" (first used at test/fixtures/quiz/duplicate-id.yaml:1)',
    ]);
  });

  it('reports a bad domain at the domain line', () => {
    expect(problemsOf('bad-domain.yaml')).toEqual([
      'test/fixtures/quiz/bad-domain.yaml:3:3  question "bad-domain": domain: domain must be 1 (Development), 2 (Security), 3 (Deployment) or 4 (Troubleshooting and Optimization)',
    ]);
  });

  it('reports every problem of a file at once, each at its own line', () => {
    expect(problemsOf('many-problems.yaml')).toEqual([
      'test/fixtures/quiz/many-problems.yaml:2:3  question "Not-Kebab": id: an id is lowercase-kebab, e.g. "sm-rotation-four-steps"',
      'test/fixtures/quiz/many-problems.yaml:5:3  question "Not-Kebab": task: task 2.1 is not in domain 3 (Deployment)',
      'test/fixtures/quiz/many-problems.yaml:6:3  question "Not-Kebab": difficulty: difficulty must be 1, 2, 3 or easy, medium, hard',
      'test/fixtures/quiz/many-problems.yaml:7:3  question "Not-Kebab": lesson: lesson is a lesson slug with an optional #heading-anchor, e.g. "rotation#the-four-steps"',
      'test/fixtures/quiz/many-problems.yaml:8:3  question "Not-Kebab": stem: a multiple stem must say how many to choose, e.g. "(Choose TWO.)"',
      'test/fixtures/quiz/many-problems.yaml:9:3  question "Not-Kebab": `explaination` is not a field (check its spelling; the fields are `id`, `type`, `stem`, `options`, `domain`, `task`, `difficulty`, `lesson`, `exercise`, `note`, `sources`)',
      'test/fixtures/quiz/many-problems.yaml:10:3  question "Not-Kebab": options: a multiple question has 5 to 8 options, found 2',
      'test/fixtures/quiz/many-problems.yaml:26:7  question "ordering-with-keys": options[0].correct: ordering steps have no "correct": list them in the right order instead',
    ]);
  });

  it('reports YAML syntax errors and a file that is not a list', () => {
    expect(problemsOf('syntax-error.yaml')).toEqual([
      `test/fixtures/quiz/syntax-error.yaml:3:9  YAML: the text that starts with " here never ends: close it with " (inside "…" write \\" for a quote, inside '…' write '')`,
    ]);
    expect(problemsOf('not-a-list.yaml')).toEqual([
      'test/fixtures/quiz/not-a-list.yaml:1:1  a quiz file is a YAML list of questions, each starting with "- id:"',
    ]);
  });

  it('reports an id used in two files', () => {
    const text = readFileSync(join(FIXTURES, 'bad-domain.yaml'), 'utf8').replace('domain: 5', 'domain: 2');
    const { questions, problems } = checkQuestionFiles([
      { file: 'a.yaml', text },
      { file: 'b.yaml', text },
    ]);
    expect(questions).toHaveLength(1);
    expect(problems.map(formatProblem)).toEqual([
      'b.yaml:1:3  question "bad-domain": duplicate id "bad-domain" (first used at a.yaml:1)',
    ]);
  });
});

describe('the question bank in content/quiz', () => {
  const files = readDir(BANK);
  const { questions, problems } = checkQuestionFiles(files);

  it('parses every file with zero problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('holds at least 65 questions with unique ids, at least 18 multiple response and a few ordering', () => {
    expect(questions.length).toBeGreaterThanOrEqual(65);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(questions.filter((q) => q.type === 'multiple').length).toBeGreaterThanOrEqual(18);
    expect(questions.filter((q) => q.type === 'ordering').length).toBeGreaterThanOrEqual(2);
  });

  it('covers all four domains, mostly development, security and troubleshooting', () => {
    const count = (d: number) => questions.filter((q) => q.domain === d).length;
    for (const d of [1, 2, 3, 4]) expect(count(d), `domain ${d}`).toBeGreaterThan(0);
    expect(count(1) + count(2) + count(4)).toBeGreaterThan(count(3) * 3);
  });
});
