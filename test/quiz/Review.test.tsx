import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { emptySchedule, Rating, reviewCard } from '../../src/quiz/reviewSchedule';
import { useAppStore } from '../../src/store/store';
import { activate, renderQuiz, resetStore } from './render';

vi.mock('../../src/course/questions', async () => (await import('./fixtureBank')).bankModule());

beforeEach(resetStore);

test('multiple-response feedback marks a right option the answer left out as missed', async () => {
  const user = userEvent.setup();
  activate('practice', ['two-facts']);
  renderQuiz('/quiz/practice');
  await user.click(screen.getByRole('checkbox', { name: /encrypted with KMS/ }));
  await user.click(screen.getByRole('checkbox', { name: /5 cents/ }));
  await user.click(screen.getByRole('button', { name: 'Check answer' }));
  const option = (text: RegExp) => screen.getByText(text).closest('li')!;
  expect(within(option(/WithDecryption/)).getByText('Missed')).toBeTruthy();
  expect(within(option(/WithDecryption/)).getByText('✓ Correct answer')).toBeTruthy();
  expect(within(option(/encrypted with KMS/)).queryByText('Missed')).toBeNull();
  expect(within(option(/5 cents/)).getByText('✗ Wrong')).toBeTruthy();
  expect(within(option(/They rotate/)).queryByText('Missed')).toBeNull();
});

test('"Review now" offers the cards due within a day when none is due yet', async () => {
  const user = userEvent.setup();
  const now = Date.now();
  // Answered right yesterday: its card falls due in a few hours, not now.
  const schedule = reviewCard(emptySchedule(), 'questions', 'pick-service', Rating.Good, now - 20 * 3_600_000);
  const soon = { ...schedule.questions['pick-service']!, due: now + 3 * 3_600_000 };
  useAppStore.setState({ reviewSchedule: { ...schedule, questions: { 'pick-service': soon } } });
  const { location } = renderQuiz('/quiz/review');
  expect(screen.getByRole('heading', { level: 2, name: 'Nothing is due right now' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Review now (1 due within a day)' }));
  expect(location.history?.at(-1)).toBe('/quiz/practice');
  expect(useAppStore.getState().quizActive.practice).toMatchObject({ label: 'Review now' });
  expect(useAppStore.getState().quizActive.practice?.attempt.questions.map((q) => q.id)).toEqual(['pick-service']);
});

test('no "Review now" when nothing falls due within a day', () => {
  const schedule = reviewCard(emptySchedule(), 'questions', 'pick-service', Rating.Good, Date.now());
  const later = { ...schedule.questions['pick-service']!, due: Date.now() + 3 * 86_400_000 };
  useAppStore.setState({ reviewSchedule: { ...schedule, questions: { 'pick-service': later } } });
  renderQuiz('/quiz/review');
  expect(screen.queryByRole('button', { name: /Review now/ })).toBeNull();
  expect(screen.getByText(/The next one is due/)).toBeTruthy();
});
