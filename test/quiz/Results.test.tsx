import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { scaledScore } from '../../src/quiz/scaledScore';
import { act, finish } from '../../src/quiz/views/session';
import { useAppStore } from '../../src/store/store';
import { renderApp } from '../support/renderApp';
import { activate, renderQuiz, resetStore } from './render';

vi.mock('../../src/course/questions', async () => (await import('./fixtureBank')).bankModule());

beforeEach(resetStore);
afterEach(() => vi.useRealTimers());

/** An exam of three questions: one right after 40 s, one wrong after a minute, one left unanswered. */
function sitExam(): string {
  vi.useFakeTimers({ toFake: ['Date'] });
  const t0 = Date.UTC(2026, 10, 2, 14, 0, 0);
  vi.setSystemTime(t0);
  activate('exam', ['pick-service', 'two-facts', 'domain-3'], {}, t0);
  vi.setSystemTime(t0 + 30_000);
  act('exam', { type: 'answer', questionId: 'pick-service', answer: ['sm'] });
  vi.setSystemTime(t0 + 40_000);
  act('exam', { type: 'next' });
  vi.setSystemTime(t0 + 100_000);
  act('exam', { type: 'answer', questionId: 'two-facts', answer: ['kms', 'free'] });
  vi.setSystemTime(t0 + 120_000);
  const id = finish('exam');
  vi.useRealTimers();
  return id!;
}

test('the results page shows the scaled score against 720, the domains, and how the score is computed', () => {
  const id = sitExam();
  renderQuiz(`/quiz/results/${id}`);
  expect(screen.getByRole('heading', { level: 1, name: 'Timed exam' })).toBeTruthy();
  expect(screen.getByText(String(scaledScore(1, 3)))).toBeTruthy();
  expect(screen.getByText('✗ Below the pass line')).toBeTruthy();
  expect(screen.getByText('(720 needed)')).toBeTruthy();
  expect(screen.getByText('1 of 3 scored questions right (33%)')).toBeTruthy();
  expect(screen.getByTestId('unanswered-line').textContent).toBe(
    '1 scored question unanswered: they count as wrong in the score, as on the real exam.',
  );
  const bars = screen.getAllByRole('listitem').filter((li) => li.classList.contains('quiz-bar-row'));
  expect(bars.map((b) => b.textContent)).toEqual([
    'Development with AWS Services (32% of the exam)0 of 1 scored · 0%',
    'Security (26% of the exam)1 of 1 scored · 100%',
    'Deployment (24% of the exam)0 of 1 scored · 0%',
  ]);
  expect(screen.getByText(/AWS does not publish how raw results are scaled/)).toBeTruthy();
});

test('each answer sits beside the key with every explanation and the time spent on it', async () => {
  const user = userEvent.setup();
  const id = sitExam();
  renderQuiz(`/quiz/results/${id}`);
  const items = screen.getAllByRole('listitem').filter((li) => li.querySelector('details'));
  expect(items.map((li) => li.querySelector('.quiz-pill')?.textContent)).toEqual(['Correct', 'Wrong', 'Unanswered']);
  const second = items[1]!;
  await user.click(within(second).getByText(/SecureString parameters/, { selector: 'summary *' }));
  expect(second.querySelector('details')?.open).toBe(true);
  expect(within(second).getByText('Time on this question: 1 min 20 s')).toBeTruthy();
  const option = (text: RegExp) => within(second).getByText(text).closest('li')!;
  expect(within(option(/encrypted with KMS/)).getByText('Your answer')).toBeTruthy();
  expect(within(option(/encrypted with KMS/)).getByText('✓ Correct answer')).toBeTruthy();
  expect(within(option(/5 cents/)).getByText('✗ Wrong')).toBeTruthy();
  expect(within(option(/WithDecryption/)).queryByText('Your answer')).toBeNull();
  expect(within(option(/WithDecryption/)).getByText('✓ Correct answer')).toBeTruthy();
  expect(within(second).getByText('Standard ones are free.')).toBeTruthy();
  expect(within(items[0]!).getByText('40 s')).toBeTruthy();
});

test('"Retake the misses" practises the wrong answers; the unanswered question is offered on its own', async () => {
  const user = userEvent.setup();
  const id = sitExam();
  const { location, unmount } = renderQuiz(`/quiz/results/${id}`);
  await user.click(screen.getByRole('button', { name: 'Retake the misses (1)' }));
  expect(location.history?.at(-1)).toBe('/quiz/practice');
  expect(useAppStore.getState().quizActive.practice?.attempt.questions.map((q) => q.id)).toEqual(['two-facts']);
  expect(await screen.findByRole('heading', { level: 1, name: 'Misses from: Timed exam' })).toBeTruthy();
  unmount();

  const again = renderQuiz(`/quiz/results/${id}`);
  await user.click(screen.getByRole('button', { name: 'Practise the unanswered (1)' }));
  expect(again.location.history?.at(-1)).toBe('/quiz/practice');
  expect(useAppStore.getState().quizActive.practice?.attempt.questions.map((q) => q.id)).toEqual(['domain-3']);
});

test('the history lists attempts with a chart of the scaled score, linking to each result', () => {
  const id = sitExam();
  renderQuiz('/quiz/history');
  expect(screen.getByRole('img', { name: /Scaled scores of 1 exam: latest \d+, best \d+; 720 passes/ })).toBeTruthy();
  const link = screen.getByRole('link', { name: 'Timed exam' });
  expect(link.getAttribute('href')).toBe(`/quiz/results/${id}`);
});

test('the app loads the quiz lazily on /quiz, and the top bar links to it', async () => {
  renderApp('/quiz');
  expect(await screen.findByRole('heading', { level: 1, name: 'Test yourself like the exam does' })).toBeTruthy();
  const nav = screen.getByRole('navigation', { name: 'Sections' });
  expect(within(nav).getByRole('link', { name: 'Quiz' }).getAttribute('aria-current')).toBe('page');
  expect(screen.getByRole('radio', { name: /Due for review/ })).toBeTruthy();
});
