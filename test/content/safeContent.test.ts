import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { checkContent } from '../../src/authoring/checkContent';
import { contentPlugin } from '../../src/compiler/contentPlugin';
import { formatProblem } from '../../src/compiler/problems';
import { quizPlugin } from '../../src/compiler/quizPlugin';

const root = path.resolve(__dirname, '../..');
const folder = 'test/fixtures/broken-content/unsafe-links';
const REFUSED = 'never belongs in a course: use https://…, mailto:…, a relative link or #heading';

afterEach(() => {
  delete process.env.SECRETS_LAB_CONTENT;
});

test('content:check refuses every link and image that is not http(s), mailto, relative or #, at file:line:column', async () => {
  // Act
  const problems = await checkContent(folder, { root, prove: false });
  // Assess
  const errors = problems
    .filter((p) => p.severity !== 'warning')
    .map((p) => formatProblem(p).replace(`${folder}/`, ''));
  expect(errors).toEqual([
    `lessons/basics.md:16:10  Link to "javascript:alert(document.cookie)" is refused: a "javascript:" address ${REFUSED}`,
    `lessons/basics.md:16:73  Link to "JaVaScRiPt:alert(1)" is refused: a "javascript:" address ${REFUSED}`,
    `lessons/basics.md:18:3  Link to "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" is refused: a "data:" address ${REFUSED}`,
    `lessons/basics.md:18:88  Image from "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" is refused: a "data:" address ${REFUSED}`,
    `lessons/basics.md:20:36  "<vbscript:msgbox(1)>" is read as a link (text in <…> with a ":" is an address), and a "vbscript:" address ${REFUSED}; to show it as text, put it in backticks`,
    `lessons/basics.md:22:1  Link to "vbscript:msgbox(1)" is refused: a "vbscript:" address ${REFUSED}`,
    `quiz/basics.yaml:7:3  question "unsafe-stem": stem: Link to "javascript:alert(1)" is refused: a "javascript:" address ${REFUSED}`,
    `quiz/basics.yaml:17:7  question "unsafe-stem": options[2].explanation: Link to "data:text/html,hi" is refused: a "data:" address ${REFUSED}`,
  ]);
});

test('the build stops at a refused link: the lesson and quiz modules fail with file:line', async () => {
  // Prepare: the plugins read the content folder named by SECRETS_LAB_CONTENT, as `npm run build` does.
  process.env.SECRETS_LAB_CONTENT = folder;
  const lessons = contentPlugin({ projectRoot: root });
  const quiz = quizPlugin({ projectRoot: root });
  const loadLessons = lessons.load as (id: string) => Promise<string>;
  const loadQuiz = (quiz.load as { handler: (id: string) => Promise<string> }).handler;
  // Act + Assess
  await expect(loadLessons('\0virtual:course')).rejects.toThrow(
    `${folder}/lessons/basics.md:16:10  Link to "javascript:alert(document.cookie)" is refused`,
  );
  await expect(loadQuiz('\0virtual:quiz')).rejects.toThrow(
    `${folder}/quiz/basics.yaml:7:3  question "unsafe-stem": stem: Link to "javascript:alert(1)" is refused`,
  );
});
