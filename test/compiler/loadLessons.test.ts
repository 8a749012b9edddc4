import path from 'node:path';
import { expect, test } from 'vitest';
import { loadLessons } from '../../src/compiler/loadLessons';
import { renderMarkdown } from '../../src/compiler/markdown';
import { formatProblem } from '../../src/compiler/problems';

const root = path.resolve(__dirname, '../..');
const load = (dir: string) => loadLessons(path.join(root, dir), root);
const messages = async (dir: string) => (await load(dir)).problems.map(formatProblem);

test('lessons load with their frontmatter, sorted by order, with headings and diagrams counted', async () => {
  const { lessons, problems } = await load('test/fixtures/content');
  expect(problems).toEqual([]);
  expect(lessons.map((l) => [l.slug, l.order])).toEqual([
    ['first-steps', 1],
    ['broken-diagram', 2],
  ]);
  const first = lessons[0]!;
  expect(first).toMatchObject({ title: 'First steps', domain: 2, task: '2.3', minutes: 3, diagrams: 1 });
  expect(first.headings.map((h) => h.id)).toEqual(['a-working-diagram', 'some-code']);
  expect(first.html).toContain('class="callout callout-exam"');
  expect(first.html).toContain('href="/lessons/broken-diagram#a-broken-diagram"');
  expect(first.html).toContain('class="copy-button"');
});

test('bad frontmatter is reported with file, line and field', async () => {
  const found = await messages('test/fixtures/bad-lessons/bad-frontmatter');
  const dir = 'test/fixtures/bad-lessons/bad-frontmatter/lessons';
  expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${dir}/broken.md:5:1  domain: .*4`)));
  expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${dir}/broken.md:7:1  minutes: .*number`)));
  expect(found).toContainEqual(
    `${dir}/no-frontmatter.md:1:1  Missing frontmatter: the file must start with a --- block`,
  );
  expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${dir}/bad-yaml.md:\\d+:\\d+  YAML: `)));
  expect(found).toContainEqual(
    expect.stringMatching(new RegExp(`^${dir}/Bad_Name.md:1:1  File name "Bad_Name.md" must be lowercase-kebab-case`)),
  );
  expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${dir}/Bad_Name.md:\\d+:\\d+  .*extra`)));
});

test("two lessons with the same order are reported at the second one's order line", async () => {
  expect(await messages('test/fixtures/bad-lessons/duplicate-order')).toEqual([
    'test/fixtures/bad-lessons/duplicate-order/lessons/beta.md:3:1  order: 1 is already used by test/fixtures/bad-lessons/duplicate-order/lessons/alpha.md',
  ]);
});

test('links to a missing lesson or heading are reported at their line', async () => {
  const found = await messages('test/fixtures/bad-lessons/bad-links');
  const file = 'test/fixtures/bad-lessons/bad-links/lessons/links.md';
  expect(found).toEqual([
    `${file}:11:1  Link to "nowhere.md": no such lesson`,
    `${file}:13:1  Link to "links.md#not-here": no heading with that anchor (headings: here)`,
  ]);
});

test('under a base path (--base /secrets-lab/), links into the app start with it; links elsewhere are left alone', async () => {
  // Prepare: a lesson link, a path from the app's root, a heading, a relative file and another host.
  const markdown = [
    '[next](./rotation.md#the-four-steps) [lab](/lab/read-db-credentials) [here](#top)',
    '[file](notes/a.txt) [aws](https://docs.aws.amazon.com/) [other](//example.com/x)',
  ].join('\n');
  // Act
  const { html } = await renderMarkdown(markdown, 1, { base: '/secrets-lab/' });
  // Assess
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs).toEqual([
    '/secrets-lab/lessons/rotation#the-four-steps',
    '/secrets-lab/lab/read-db-credentials',
    '#top',
    'notes/a.txt',
    'https://docs.aws.amazon.com/',
    '//example.com/x',
  ]);
});
