import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { summarizeProgress } from '../../src/progress/summarizeProgress';
import { act, finish } from '../../src/quiz/views/session';
import { useAppStore } from '../../src/store/store';
import { activate, renderQuiz, resetStore } from './render';

vi.mock('../../src/course/questions', async () => (await import('./fixtureBank')).bankModule());

beforeEach(resetStore);
afterEach(() => vi.useRealTimers());

/**
 * Issue 15's "numbers that are wrong", as a learner meets them: one practice question answered of
 * three, one exam question answered of three. Answered means answered; unanswered is never a miss;
 * practice has no scaled score and stays off the exam chart.
 */
function practiseOneOfThree(): string {
  activate('practice', ['pick-service', 'two-facts', 'domain-3']);
  act('practice', { type: 'answer', questionId: 'pick-service', answer: ['ps'] });
  act('practice', { type: 'check', questionId: 'pick-service' });
  return finish('practice')!;
}

function examOneOfThree(): string {
  activate('exam', ['pick-service', 'two-facts', 'domain-4']);
  act('exam', { type: 'answer', questionId: 'domain-4', answer: ['right'] });
  return finish('exam')!;
}

test('"Questions answered" counts the questions answered, not the questions seen', () => {
  practiseOneOfThree();
  examOneOfThree();
  const line = summarizeProgress(useAppStore.getState()).find((l) => l.label === 'Questions answered');
  expect(line?.count).toBe(2);
  expect(Object.keys(useAppStore.getState().questionResults).sort()).toEqual(['domain-4', 'pick-service']);
});

test('a practice session finished early reports answered and right, with no scaled score and no misses for the skipped', async () => {
  const id = practiseOneOfThree();
  const { location } = renderQuiz(`/quiz/results/${id}`);
  const score = screen.getByRole('region', { name: 'Score' });
  expect(score.querySelector('.quiz-score-number')?.textContent).toBe('0 / 1');
  expect(within(score).getByText('answered right')).toBeTruthy();
  expect(within(score).getByText('1 of 3 questions answered, 0 right (0% of those answered)')).toBeTruthy();
  expect(screen.getByTestId('unanswered-line').textContent).toBe('2 questions unanswered: not counted as wrong.');
  expect(screen.queryByText(/Scaled score|720 needed|How this score is computed/)).toBeNull();
  const pills = screen.getAllByRole('listitem').flatMap((li) => [...li.querySelectorAll('summary .quiz-pill')]);
  expect(pills.map((p) => p.textContent)).toEqual(['Wrong', 'Unanswered', 'Unanswered']);
  expect(screen.getByRole('button', { name: 'Retake the misses (1)' })).toBeTruthy();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Practise the unanswered (2)' }));
  expect(location.history?.at(-1)).toBe('/quiz/practice');
  expect(useAppStore.getState().quizHistory[0]).toMatchObject({ kind: 'practice', total: 3, answered: 1, correct: 0 });
  expect(useAppStore.getState().quizHistory[0]).not.toHaveProperty('scaled');
});

test('only full and custom exams appear on the exam chart; practice and short exams are listed with what they counted', () => {
  practiseOneOfThree();
  const examId = examOneOfThree();
  const state = useAppStore.getState();
  const exam = state.quizHistory.find((r) => r.id === examId)!;
  // A short exam: the same attempt, filed as short.
  useAppStore.setState({
    quizHistory: [
      ...state.quizHistory,
      { ...exam, id: 'exam-short', kind: 'short', scaled: undefined, passed: undefined },
    ],
  });
  renderQuiz('/quiz/history');
  expect(screen.getByRole('img', { name: /^Scaled scores of 1 exam: latest \d+/ })).toBeTruthy();
  const rows = screen.getAllByRole('row').slice(1);
  expect(rows.map((r) => [...r.querySelectorAll('td')].slice(1).map((td) => td.textContent))).toEqual([
    ['Timed exam', '1 of 3 scored right · 2 unanswered', '—no scaled score (short exam)'],
    ['Timed exam', '1 of 3 scored right · 2 unanswered', expect.stringMatching(/^\d+ · fail$/)],
    ['Practice · test', '0 right of 1 answered · 2 unanswered', '—no scaled score (practice)'],
  ]);
});

test('with no full or custom exam, the chart says what will appear there', () => {
  practiseOneOfThree();
  renderQuiz('/quiz/history');
  expect(screen.queryByRole('img')).toBeNull();
  expect(screen.getByText(/No full or custom exam yet/)).toBeTruthy();
});
