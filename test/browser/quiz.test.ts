import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { APP_STORAGE_KEY, tabTo, useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

/**
 * Gives some answer to the question on screen: the first option(s), or the first step moved down
 * (an ordering counts as answered only once a step has moved; the exam draw may put one first).
 */
async function answerShown(page: Page): Promise<'single' | 'multiple' | 'ordering'> {
  const question = page.locator('.quiz-question');
  if (await question.locator('.quiz-order').count()) {
    await question
      .getByRole('button', { name: /^Move “.*” down$/ })
      .first()
      .click();
    return 'ordering';
  }
  if (await question.locator('input[type=checkbox]').count()) {
    const count = Number((await question.locator('.quiz-count').textContent())?.match(/of (\d)/)?.[1]);
    for (let i = 0; i < count; i++) await question.locator('input[type=checkbox]').nth(i).check();
    return 'multiple';
  }
  await question.locator('input[type=radio]').first().check();
  return 'single';
}

/**
 * Moves the saved exam's start `ms` into the past (as if the learner had been away), from the quiz
 * home page: the exam page itself saves on the way out, which would overwrite the change.
 */
async function awayFromExam(page: Page, ms: number) {
  await page.goto(`${appUrl}/quiz`);
  await page.getByText('Timed exam in progress').waitFor();
  await page.evaluate(
    ({ shift, key }) => {
      const saved = JSON.parse(localStorage.getItem(key) ?? '{}');
      saved.state.quizActive.exam.attempt.startedAt -= shift;
      localStorage.setItem(key, JSON.stringify(saved));
    },
    { shift: ms, key: APP_STORAGE_KEY },
  );
}

test('a full practice session: every question checked with explanations and lesson links, then results', async () => {
  const { page, errors, foreign } = await browser.open(appUrl);
  await page.goto(`${appUrl}/`);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('heading', { level: 1, name: 'Test yourself like the exam does' }).waitFor();
  await page.getByRole('radio', { name: 'Lesson' }).check();
  await page.getByLabel('Which lesson').selectOption('rotation');
  await page.getByLabel('Questions', { exact: true }).selectOption({ label: 'All' });
  await page.getByRole('button', { name: 'Start practice' }).click();
  await page.waitForURL(/\/quiz\/practice$/);

  const total = Number((await page.locator('.quiz-of').textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(5);
  const kinds = new Set<string>();
  for (let i = 1; i <= total; i++) {
    await page.getByRole('heading', { level: 2, name: `Question ${i} of ${total}` }).waitFor();
    const kind = await answerShown(page);
    kinds.add(kind);
    await page.getByRole('button', { name: 'Check answer' }).click();
    expect(await page.locator('.quiz-verdict').textContent()).toMatch(/^(✓ Correct|✗ Not quite)/);
    const options = await page.locator('.quiz-review-option').count();
    expect(await page.locator('.quiz-explanation').count()).toBe(options);
    // Choices mark their key; ordering steps are listed in the key's order, each saying where it was placed.
    if (kind === 'ordering') expect(await page.locator('.quiz-review-option .quiz-tag').count()).toBe(options);
    else expect(await page.locator('.quiz-review-option.is-key').count()).toBeGreaterThan(0);
    // The app is served under a base path ("/secrets-lab/", test/browser/globalSetup.ts).
    expect(await page.getByRole('link', { name: /Review the lesson/ }).getAttribute('href')).toMatch(
      new RegExp(`^${new URL(appUrl).pathname}/lessons/rotation(#[a-z0-9-]+)?$`),
    );
    await page.getByRole('button', { name: i === total ? 'See results' : 'Next question →' }).click();
  }
  expect(kinds.has('ordering'), 'the rotation lesson has an ordering question').toBe(true);

  await page.waitForURL(/\/quiz\/results\//);
  expect(await page.getByText(new RegExp(`^${total} of ${total} questions answered, \\d+ right`)).count()).toBe(1);
  expect(await page.locator('.quiz-result').count()).toBe(total);

  // A result's lesson link lands on the section that teaches it.
  await page.locator('.quiz-result summary').first().click();
  const link = page.locator('.quiz-result[open]').getByRole('link', { name: /Review the lesson/ });
  const anchor = (await link.getAttribute('href'))?.split('#')[1];
  await link.click();
  await page.waitForURL(/\/lessons\/rotation/);
  if (anchor) await page.locator(`[id="${anchor}"]`).waitFor();

  await page.goto(`${appUrl}/quiz/history`);
  await page.locator('.quiz-table tbody tr').first().waitFor();
  expect(await page.locator('.quiz-table tbody tr').count()).toBe(1);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('a timed exam on a short clock: answer, flag, and the clock submits it; the results explain every answer', async () => {
  const { page, errors } = await browser.open(appUrl);
  // The page's clock is Playwright's: it runs as usual until the test moves it past the deadline.
  await page.clock.install();
  await page.goto(`${appUrl}/quiz/exam?minutes=0.5`);
  await page.getByText('This exam runs on a short clock of 0.5 minutes').waitFor();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  const palette = page.getByRole('navigation', { name: 'Questions' });
  await palette.waitFor();
  expect(await page.getByRole('timer').textContent()).toMatch(/^0:[0-3]\d$/);

  await answerShown(page);
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await palette.getByRole('button', { name: 'Question 1, answered' }).waitFor();
  await palette.getByRole('button', { name: 'Question 2, not answered, flagged' }).waitFor();
  expect(await page.locator('.quiz-verdict, .quiz-explanation').count(), 'no feedback during the exam').toBe(0);

  // No click: the clock runs out and the exam submits itself.
  await page.clock.fastForward('00:31');
  await page.waitForURL(/\/quiz\/results\//);
  await page.getByText('Time ran out: the exam was submitted automatically').waitFor();
  expect(await page.locator('.quiz-score-number').textContent()).toMatch(/^\d{3,4} \/ 1000$/);
  expect(await page.locator('.quiz-pass').textContent()).toMatch(/Pass|Below the pass line/);
  expect(await page.locator('.quiz-bar-row').count()).toBe(4);
  expect(await page.getByText(/AWS does not publish how raw results are scaled/).count()).toBe(1);
  const first = page.locator('.quiz-result').first();
  expect(await first.locator('.quiz-pill').first().textContent()).toMatch(/Correct|Wrong/);
  await first.locator('summary').click();
  expect(await first.getByText('Your answer').count()).toBeGreaterThan(0);
  expect(await first.getByText(/Time on this question: /).count()).toBe(1);
  expect(await page.locator('.quiz-result').nth(1).locator('.quiz-pill', { hasText: 'Flagged' }).count()).toBe(1);
  expect(errors).toEqual([]);
});

test('an interrupted exam resumes after a reload with its remaining time, and one whose time ran out is submitted', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/quiz/exam`);
  await page.getByRole('button', { name: 'Start the exam' }).click();
  const palette = page.getByRole('navigation', { name: 'Questions' });
  await palette.waitFor();
  expect(await page.getByRole('timer').textContent()).toMatch(/^2:(10:00|09:\d\d)$/);
  await answerShown(page);
  await page.getByRole('button', { name: 'Next →' }).click();
  await palette.getByRole('button', { name: 'Question 1, answered' }).waitFor();

  // A plain reload: same question, same answers, the clock still running.
  await page.reload();
  await palette.getByRole('button', { name: 'Question 1, answered' }).waitFor();
  await page.getByRole('heading', { level: 2, name: /^Question 2 of / }).waitFor();
  expect(await page.getByRole('timer').textContent()).toMatch(/^2:(10:00|09:\d\d)$/);

  // Thirty minutes away from the exam: the saved attempt started half an hour earlier.
  await awayFromExam(page, 30 * 60_000);
  await page.goto(`${appUrl}/quiz/exam`);
  await palette.waitFor();
  expect(await page.getByRole('timer').textContent()).toMatch(/^1:(40:00|39:\d\d)$/);
  await palette.getByRole('button', { name: 'Question 1, answered' }).waitFor();
  expect(await palette.locator('[aria-current="step"]').textContent()).toBe('2');
  await page.getByRole('heading', { level: 2, name: /^Question 2 of / }).waitFor();

  // Away past the deadline: the exam comes back submitted, as the real exam would be.
  await awayFromExam(page, 3 * 60 * 60_000);
  await page.goto(`${appUrl}/quiz/exam`);
  await page.waitForURL(/\/quiz\/results\//);
  await page.getByText('Time ran out: the exam was submitted automatically').waitFor();
  expect(errors).toEqual([]);
});

test('a practice session from the quiz page to its results, with the keyboard alone', async () => {
  const { page, errors } = await browser.open(appUrl);
  await page.goto(`${appUrl}/quiz`);
  await page.getByRole('heading', { level: 1, name: 'Test yourself like the exam does' }).waitFor();

  // Practice one lesson: the radio, then the lesson's select moved with the arrow keys.
  await tabTo(page, 'input[type=radio]', /^Lesson$/);
  await page.keyboard.press('Space');
  await tabTo(page, 'select', /^Which lesson/);
  for (let i = 0; i < 20 && (await page.getByLabel('Which lesson').inputValue()) !== 'rotation'; i++)
    await page.keyboard.press('ArrowDown');
  expect(await page.getByLabel('Which lesson').inputValue()).toBe('rotation');
  // Every question of the lesson (10 would be a random draw, which may leave out the ordering ones).
  await tabTo(page, 'select', /^Questions/);
  for (let i = 0; i < 3 && (await page.getByLabel('Questions', { exact: true }).inputValue()) !== '0'; i++)
    await page.keyboard.press('ArrowDown');
  expect(await page.getByLabel('Questions', { exact: true }).inputValue()).toBe('0');
  await tabTo(page, 'button', /^Start practice$/);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/quiz\/practice$/);

  const total = Number((await page.locator('.quiz-of').textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(0);
  const kinds = new Set<string>();
  for (let i = 1; i <= total; i++) {
    await page.getByRole('heading', { level: 2, name: `Question ${i} of ${total}` }).waitFor();
    const question = page.locator('.quiz-question');
    if (await question.locator('.quiz-order').count()) {
      kinds.add('ordering');
      const steps = question.locator('.quiz-order .quiz-option-text');
      const first = await steps.first().textContent();
      await tabTo(page, 'button', /^Move “.*” down$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => steps.nth(1).textContent()).toBe(first);
    } else if (await question.locator('input[type=checkbox]').count()) {
      kinds.add('multiple');
      const pick = Number((await question.locator('.quiz-count').textContent())?.match(/of (\d)/)?.[1]);
      await tabTo(page, 'input[type=checkbox]');
      for (let k = 0; k < pick; k++) {
        await page.keyboard.press('Space');
        if (k < pick - 1) await page.keyboard.press('Tab');
      }
      expect(await question.locator('input[type=checkbox]:checked').count()).toBe(pick);
    } else {
      kinds.add('single');
      await tabTo(page, 'input[type=radio]');
      await page.keyboard.press('Space');
      expect(await question.locator('input[type=radio]:checked').count()).toBe(1);
    }
    await tabTo(page, 'button', /^Check answer$/);
    await page.keyboard.press('Enter');
    await page.locator('.quiz-verdict').waitFor();
    await tabTo(page, 'button', i === total ? /^See results$/ : /^Next question →$/);
    await page.keyboard.press('Enter');
  }
  expect([...kinds].sort()).toEqual(expect.arrayContaining(['ordering', 'single']));
  await page.waitForURL(/\/quiz\/results\//);
  expect(await page.getByText(new RegExp(`^${total} of ${total} questions answered, \\d+ right`)).count()).toBe(1);
  expect(errors).toEqual([]);
}, 180_000);
