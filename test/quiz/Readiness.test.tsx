import { render, screen, within } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { bank } from '../../src/course/questions';
import { emptySchedule, Rating, reviewCard } from '../../src/quiz/reviewSchedule';
import ReadinessPage from '../../src/readiness/ReadinessPage';
import { useAppStore } from '../../src/store/store';
import { resetStore } from './render';

// 16 questions, 4 per domain over tasks x.1–x.3 (see makeBank): enough for a prediction.
vi.mock('../../src/course/questions', async () => {
  const { makeBank } = await import('../../src/quiz/testing');
  const { indexQuestions } = await import('../../src/quiz/scoreAttempt');
  const bank = makeBank({ 1: 4, 2: 4, 3: 4, 4: 4 });
  return { bank, bankIndex: indexQuestions(bank), questionHtml: () => undefined };
});

beforeEach(resetStore);

function renderPage() {
  const location = memoryLocation({ path: '/readiness', record: true });
  render(
    <Router hook={location.hook}>
      <ReadinessPage />
    </Router>,
  );
}

test('with nothing answered: no predicted score, what it needs, and where to start', () => {
  renderPage();
  expect(screen.getByRole('heading', { level: 1, name: 'Am I ready?' })).toBeTruthy();
  expect(screen.queryByTestId('predicted-score')).toBeNull();
  expect(screen.getByTestId('answered-count').textContent).toBe(
    'Answer at least 10 exam-style questions for a prediction: you have answered 0.',
  );
  const start = screen.getByRole('region', { name: 'Where to start' });
  expect(
    within(start)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href')),
  ).toHaveLength(3);
  // Nothing answered: no chance is shown for a task, only that there is no estimate yet.
  expect(within(start).queryByText(/% chance/)).toBeNull();
  expect(within(start).getAllByText(/^No estimate yet · 0 of \d+ questions answered$/)).toHaveLength(3);
  expect(screen.getByRole('heading', { name: 'How this is estimated' })).toBeTruthy();
});

test('answers make a predicted score with a range, bars per task statement, and the three weakest to practise', () => {
  const now = Date.now();
  let schedule = emptySchedule();
  const answers: Record<string, { correct: boolean; at: number }> = {};
  // Twelve answered, all right except task 3.1's.
  for (const q of bank.slice(0, 3).concat(bank.slice(4, 7), bank.slice(8, 11), bank.slice(12, 15))) {
    const correct = q.task !== '3.1';
    answers[q.id] = { correct, at: now };
    schedule = reviewCard(schedule, 'questions', q.id, correct ? Rating.Good : Rating.Again, now);
  }
  useAppStore.setState({ questionResults: answers, reviewSchedule: schedule });
  renderPage();
  const score = Number(screen.getByTestId('predicted-score').textContent?.split(' ')[0]);
  expect(score).toBeGreaterThanOrEqual(100);
  expect(score).toBeLessThanOrEqual(1000);
  const [, low, high] = screen.getByTestId('predicted-range').textContent?.match(/between (\d+) and (\d+)/) ?? [];
  expect(Number(low)).toBeLessThanOrEqual(score);
  expect(Number(high)).toBeGreaterThanOrEqual(score);
  expect(screen.getByTestId('answered-count').textContent).toBe('From 12 of 16 exam-style questions answered.');

  const next = screen.getByRole('region', { name: 'Practise next' });
  const links = within(next).getAllByRole('link');
  expect(links[0]?.textContent).toBe('Practise task 3.1');
  expect(links[0]?.getAttribute('href')).toBe('/quiz/drill/3.1');

  const security = screen.getByRole('region', { name: '2. Security' });
  expect(
    within(security)
      .getAllByRole('img')
      .map((i) => i.getAttribute('aria-label')?.slice(0, 8)),
  ).toEqual(['Task 2.1', 'Task 2.2', 'Task 2.3']);
  // Task 2.1 has two questions (the 1st and 4th of the domain); only the 1st was answered.
  const first = within(security).getByText('2.1').closest('li')!;
  expect(within(first).getByTitle('Questions answered: 1 of 2')).toBeTruthy();
  expect(within(first).getByText('100% right · 100% of those still remembered')).toBeTruthy();
});
