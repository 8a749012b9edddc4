import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { emptySchedule, Rating, reviewCard } from '../../src/quiz/reviewSchedule';
import { useAppStore } from '../../src/store/store';
import { activate, renderQuiz, resetStore } from './render';

vi.mock('../../src/course/questions', async () => (await import('./fixtureBank')).bankModule());

beforeEach(resetStore);

test('a single answer is checked at once: verdict, every option explained, the lesson link, and its review card', async () => {
  const user = userEvent.setup();
  activate('practice', ['pick-service', 'two-facts']);
  renderQuiz('/quiz/practice');
  const check = screen.getByRole('button', { name: 'Check answer' });
  expect(check).toHaveProperty('disabled', true);

  await user.click(screen.getByRole('radio', { name: /Parameter Store/ }));
  await user.click(check);

  expect(screen.getByRole('status').textContent).toContain('Not quite');
  for (const why of [
    'Rotation is built in.',
    'No built-in rotation.',
    'Visible in the console.',
    'Not a secrets store.',
  ])
    expect(screen.getByText(why)).toBeTruthy();
  const chosen = screen.getByText('Parameter Store').closest('li')!;
  expect(within(chosen).getByText('Your answer')).toBeTruthy();
  expect(within(chosen).getByText('✗ Wrong')).toBeTruthy();
  expect(within(screen.getByText('Secrets Manager').closest('li')!).getByText('✓ Correct answer')).toBeTruthy();
  expect(screen.getByRole('link', { name: /Review the lesson/ }).getAttribute('href')).toBe(
    '/lessons/rotation#the-four-steps',
  );
  expect(screen.queryByRole('radio')).toBeNull(); // locked once checked

  const state = useAppStore.getState();
  expect(state.questionResults['pick-service']).toMatchObject({ correct: false });
  expect(state.reviewSchedule.questions['pick-service']).toMatchObject({ reps: 1, lapses: 0 });
  expect(screen.getByText('1 of 2 checked · 0 right')).toBeTruthy();
});

test('multiple response takes exactly the count the stem asks for', async () => {
  const user = userEvent.setup();
  activate('practice', ['two-facts']);
  renderQuiz('/quiz/practice');
  expect(screen.getByText('Choose TWO.')).toBeTruthy();
  const kms = screen.getByRole('checkbox', { name: /encrypted with KMS/ });
  const flag = screen.getByRole('checkbox', { name: /WithDecryption/ });
  const big = screen.getByRole('checkbox', { name: /1 MB/ });

  await user.click(kms);
  expect(screen.getByRole('button', { name: 'Check answer' })).toHaveProperty('disabled', true);
  await user.click(flag);
  expect(screen.getByText('2 of 2 chosen.')).toBeTruthy();
  await user.click(big);
  expect((big as HTMLInputElement).checked).toBe(false);
  expect(big.getAttribute('aria-disabled')).toBe('true');
  expect(screen.getByText(/Clear one to choose another/)).toBeTruthy();
  expect(useAppStore.getState().quizActive.practice?.attempt.entries['two-facts']?.answer.sort()).toEqual([
    'flag',
    'kms',
  ]);

  await user.click(screen.getByRole('button', { name: 'Check answer' }));
  expect(screen.getByRole('status').textContent).toContain('Correct');
});

test('an ordering question is solved with the keyboard: focus follows the moved step', async () => {
  const user = userEvent.setup();
  const attempt = activate('practice', ['four-steps']);
  renderQuiz('/quiz/practice');
  const shown = () => screen.getAllByRole('listitem').map((li) => li.textContent?.replace(/[↑↓\d]/g, '').trim());
  expect(shown()).toEqual(attempt.questions[0]!.options.map((id) => `${id}Secret`));

  // Bubble each step into place with Enter on its buttons, as a keyboard user would.
  const key = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];
  for (const [target, step] of key.entries()) {
    let at = shown().indexOf(step);
    while (at > target) {
      screen.getByRole('button', { name: `Move “${step}” up` }).focus();
      await user.keyboard('{Enter}');
      at -= 1;
      const focused = document.activeElement?.getAttribute('aria-label');
      expect(focused).toBe(at === 0 ? `Move “${step}” down` : `Move “${step}” up`);
    }
  }
  expect(shown()).toEqual(key);
  await user.click(screen.getByRole('button', { name: 'Check answer' }));
  expect(screen.getByRole('status').textContent).toContain('Correct');
});

test('finishing records the attempt in the history and opens its results', async () => {
  const user = userEvent.setup();
  activate('practice', ['pick-service', 'two-facts']);
  const { location } = renderQuiz('/quiz/practice');
  await user.click(screen.getByRole('radio', { name: /Secrets Manager/ }));
  await user.click(screen.getByRole('button', { name: 'Check answer' }));
  await user.click(screen.getByRole('button', { name: 'Next question →' }));
  expect(screen.getByRole('heading', { level: 2, name: /Question 2/ })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Finish now' }));

  const [record] = useAppStore.getState().quizHistory;
  expect(record).toMatchObject({ mode: 'practice', correct: 1, total: 2 });
  expect(location.history?.at(-1)).toBe(`/quiz/results/${record!.id}`);
  expect(useAppStore.getState().quizActive.practice).toBeUndefined();
  // The skipped question is not "missed": only answered questions join the schedule.
  expect(Object.keys(useAppStore.getState().questionResults)).toEqual(['pick-service']);
});

test('"Review due" builds a practice session from the FSRS cards that are due', async () => {
  const user = userEvent.setup();
  const twoDaysAgo = Date.now() - 2 * 86_400_000;
  let schedule = reviewCard(emptySchedule(), 'questions', 'two-facts', Rating.Again, twoDaysAgo);
  schedule = reviewCard(schedule, 'questions', 'pick-service', Rating.Good, Date.now());
  useAppStore.setState({ reviewSchedule: schedule });
  const { location } = renderQuiz('/quiz/review');
  expect(screen.getByRole('heading', { level: 2, name: '1 question is due' })).toBeTruthy();
  expect(screen.getByText(/2 questions are on your schedule/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Review 1 question' }));
  expect(location.history?.at(-1)).toBe('/quiz/practice');
  const practice = useAppStore.getState().quizActive.practice;
  expect(practice?.label).toBe('Review due');
  expect(practice?.attempt.questions.map((q) => q.id)).toEqual(['two-facts']);
});
