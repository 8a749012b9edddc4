import { screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { useAppStore } from '../../src/store/store';
import { renderQuiz, resetStore } from './render';

vi.mock('../../src/course/questions', async () => (await import('./fixtureBank')).bankModule());

beforeEach(resetStore);

test('/quiz/drill/<task> starts a practice of that task statement, questions not yet right first', async () => {
  useAppStore.setState({ questionResults: { 'pick-service': { correct: true, at: 1 } } });
  const { location } = renderQuiz('/quiz/drill/2.3');
  await screen.findByRole('heading', { level: 1, name: 'Task 2.3: Manage sensitive data in application code' });
  expect(location.history?.at(-1)).toBe('/quiz/practice');
  expect(useAppStore.getState().quizActive.practice?.attempt.questions.map((q) => q.id)).toEqual([
    'four-steps',
    'pick-service',
  ]);
});

test('a task with no questions says so', () => {
  renderQuiz('/quiz/drill/3.4');
  expect(screen.getByRole('heading', { level: 1, name: 'No questions for task 3.4' })).toBeTruthy();
});
