import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { exerciseList } from '../../src/course/exercises';
import { bank } from '../../src/course/questions';
import { initialState, useAppStore } from '../../src/store/store';
import { renderApp } from '../support/renderApp';

beforeEach(() => {
  useAppStore.setState(initialState, true);
});

/**
 * The search result whose text starts so. (Read from the listbox by text: role queries with
 * accessible names over the whole app are slow in jsdom.)
 */
async function result(start: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(
    () => {
      const list = screen.getByRole('listbox', { name: 'Search results' });
      found = [...list.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.startsWith(start));
      expect(found, `a result “${start}…”`).toBeDefined();
    },
    { timeout: 20_000 },
  );
  return found as HTMLElement;
}

/** The words of a result marked as matched. */
const marks = (option: HTMLElement) => [...option.querySelectorAll('mark')].map((m) => m.textContent?.toLowerCase());

test('search finds a lab exercise and a question, with the matched words marked, and a question opens on its own page', async () => {
  // Prepare: an exercise and a question of the real course, each sought by words of its own.
  const user = userEvent.setup();
  const exercise = exerciseList.find((e) => e.slug === 'envelope-encryption')!;
  const question = bank.find((q) => q.stem.includes('ReEncrypt')) ?? bank[0]!;
  const location = renderApp('/');
  const box = screen.getByRole('combobox', { name: 'Search lessons, exercises and questions' });

  // Act: the exercise's title
  await user.type(box, exercise.title);
  // Assess
  const lab = await result(`Lab ${exercise.title}`);
  expect(marks(lab)).toEqual(expect.arrayContaining(exercise.title.toLowerCase().split(' ').slice(-2)));

  // Act: words of the question's scenario, as a learner remembers them
  const words = [...new Set(question.stem.match(/[A-Za-z]{6,}/g) ?? [])].slice(0, 4);
  await user.clear(box);
  await user.type(box, words.join(' '));
  // Assess: the question is there, named by its scenario's start, its words marked
  const it = await result(`Question ${question.stem.slice(0, 30)}`);
  for (const w of words) expect(marks(it)).toContain(w.toLowerCase());

  // Act: open it
  await user.click(it);
  // Assess: its own page; showing the answer explains every option
  await waitFor(() => expect(location.history?.at(-1)).toBe(`/quiz/question/${question.id}`));
  const page = await screen.findByRole('heading', { level: 1, name: 'A question' }, { timeout: 20_000 });
  const main = page.closest('.page') as HTMLElement;
  await user.click(within(main).getByRole('button', { name: 'Show the answer' }));
  for (const o of question.options) expect(main.textContent).toContain(o.explanation.slice(0, 20).trim());
});

test('a question the bank does not hold says so', async () => {
  renderApp('/quiz/question/no-such-question');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Question not found' }, { timeout: 20_000 }),
  ).toBeTruthy();
});
