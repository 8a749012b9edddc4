import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './browser';
import { typeCode } from './editor';

/**
 * Issue 15's path, as a student walks it: read a lesson to the end, answer its check, try it in the
 * lab and pass the exercise, follow the next step, take a short exam with one question unanswered
 * and one flagged, see the review screen, submit, and find the readiness dashboard changed; after a
 * reload, the same numbers.
 */
const appUrl = inject('appUrl');
const browser = useBrowser();
const solution = readFileSync(
  path.resolve(__dirname, '../../content/exercises/read-db-credentials/solution.ts'),
  'utf8',
);

/** Gives some complete answer to the question in `scope`: the first option(s), or the steps as shown. */
async function answer(scope: Locator): Promise<void> {
  if (await scope.locator('.quiz-order').count()) return; // checked as shown
  if (await scope.locator('input[type=checkbox]').count()) {
    const pick = Number((await scope.locator('.quiz-count').textContent())?.match(/of (\d)/)?.[1]);
    for (let i = 0; i < pick; i++) await scope.locator('input[type=checkbox]').nth(i).check();
    return;
  }
  await scope.locator('input[type=radio]').first().check();
}

/** What the readiness page says: the answered line, and the predicted score and range when there is one. */
async function readiness(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Am I ready?' }).waitFor();
  const score = page.getByTestId('predicted-score');
  return {
    answered: await page.getByTestId('answered-count').textContent(),
    score: (await score.count()) ? await score.textContent() : null,
    range: (await score.count()) ? await page.getByTestId('predicted-range').textContent() : null,
    lessons: await page
      .locator('.meter[title^="Lessons read"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title'))),
  };
}

test('read, check, lab, next step, short exam, review, submit: readiness follows, and survives a reload', async () => {
  const { page, errors, foreign } = await browser.open(appUrl);

  // 1. A lesson, read to its end by scrolling: it counts as read without the button.
  await page.goto(`${appUrl}/lessons/secrets-manager-basics`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.lesson-end').waitFor();
  expect(await page.getByRole('button', { name: 'Mark as read' }).count()).toBe(1);
  await page.getByRole('heading', { level: 2, name: 'Check yourself' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await page.getByRole('button', { name: '✓ Read' }).waitFor();

  // 2. Check yourself: the lesson's own questions, answered and explained in place.
  const check = page.locator('.lesson-check');
  const items = check.locator('.lesson-check-item');
  await items.first().waitFor();
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await answer(item);
    await item.getByRole('button', { name: 'Check answer' }).click();
    await item.locator('.quiz-verdict').waitFor();
    expect(await item.locator('.quiz-explanation').count()).toBeGreaterThan(0);
  }
  await check.getByText(new RegExp(`^\\d of ${count} right\\.`)).waitFor();

  // 3. Try it in the lab, and pass the exercise with its reference solution.
  await page
    .getByRole('region', { name: 'Try it in the lab' })
    .getByRole('link', { name: /Read the database credentials/ })
    .click();
  await page.waitForURL(/\/lab\/read-db-credentials$/);
  await page.locator('.monaco-editor').waitFor({ timeout: 30_000 });
  await typeCode(page, solution);
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Checks/ }).click();
  expect(await page.locator('.checks-summary').textContent()).toMatch(/^All \d+ checks passed/);

  // 4. The next step: drill the task statement's questions.
  const next = page.getByRole('region', { name: 'Passed. What next?' });
  expect(await next.getByRole('link', { name: /Next exercise/ }).count()).toBe(1);
  expect(await next.getByRole('link', { name: /Next lesson/ }).count()).toBe(1);
  await next.getByRole('link', { name: /Practise the questions/ }).click();
  await page.waitForURL(/\/quiz\/practice$/);
  await page.getByRole('heading', { level: 1, name: /^Task \d\.\d: / }).waitFor();
  await answer(page.locator('.quiz-question'));
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.locator('.quiz-verdict').waitFor();

  // The dashboard before the exam.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Readiness' }).click();
  const before = await readiness(page);
  const answeredBefore = Number(before.answered?.match(/(\d+)/)?.[1]);
  expect(answeredBefore).toBeGreaterThan(0);
  expect(
    before.lessons.some((t) => /^Lessons read: [1-9]/.test(t ?? '')),
    'the lesson read is counted',
  ).toBe(true);

  // 5. A short exam: every question answered but the third; the second flagged.
  await page.goto(`${appUrl}/quiz/exam`);
  await page.getByRole('radio', { name: /^Short exam/ }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  const palette = page.getByRole('navigation', { name: 'Questions' });
  await palette.waitFor();
  expect(await page.locator('html').getAttribute('data-focus'), 'focus mode hides the outline').toBe('exam');
  expect(await page.locator('#sidebar').isVisible()).toBe(false);
  const total = Number((await page.locator('.quiz-of').textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBe(20);
  for (let i = 1; i <= total; i++) {
    await page.getByRole('heading', { level: 2, name: `Question ${i} of ${total}` }).waitFor();
    expect(await page.locator('.quiz-question input').count(), 'no ordering question in an exam').toBeGreaterThan(0);
    if (i !== 3) await answer(page.locator('.quiz-question'));
    if (i === 2) await page.getByRole('button', { name: 'Flag for review' }).click();
    if (i < total) await page.getByRole('button', { name: 'Next →' }).click();
  }

  // 6. The review screen names the unanswered and the flagged question; then submit.
  await page.getByRole('button', { name: 'Review and submit' }).click();
  const review = page.getByRole('region', { name: 'Review before you submit' });
  await review.waitFor();
  expect(
    await review.getByRole('list', { name: 'Unanswered questions' }).getByRole('button').allTextContents(),
  ).toEqual(['3']);
  expect(await review.getByRole('list', { name: 'Flagged questions' }).getByRole('button').allTextContents()).toEqual([
    '2',
  ]);
  await review.getByRole('button', { name: 'Submit exam' }).click();
  await page.waitForURL(/\/quiz\/results\//);
  expect(await page.locator('html').getAttribute('data-focus')).toBeNull();
  expect(await page.getByTestId('unanswered-line').textContent()).toMatch(/^1 scored question unanswered/);
  expect(await page.getByText(/too small a sample for a scaled score/).count()).toBe(1);

  // 7. Readiness changed: more answers, and now a predicted score with its range.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Readiness' }).click();
  const after = await readiness(page);
  const answeredAfter = Number(after.answered?.match(/(\d+)/)?.[1]);
  expect(answeredAfter).toBeGreaterThan(answeredBefore);
  expect(answeredAfter).toBeLessThanOrEqual(answeredBefore + total - 1);
  expect(after.score).toMatch(/^\d{3,4} \/ 1,000$/);
  expect(after.range).toMatch(/^Likely between \d+ and \d+ \(90% range\)/);
  expect(await page.getByRole('region', { name: 'Practise next' }).getByRole('link').count()).toBe(3);

  // 8. A reload shows the same numbers.
  await page.reload();
  expect(await readiness(page)).toEqual(after);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
}, 300_000);
