import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { markOf } from '../../src/quiz/views/Countdown';
import { useAppStore } from '../../src/store/store';
import { activate, renderQuiz, resetStore } from './render';

vi.mock('../../src/course/questions', async () => (await import('./fixtureBank')).bankModule());

beforeEach(resetStore);
afterEach(() => vi.useRealTimers());

const palette = () => within(screen.getByRole('navigation', { name: 'Questions' }));

test('answering and flagging show in the palette, which moves between questions; no feedback is given', async () => {
  const user = userEvent.setup();
  activate('exam', ['pick-service', 'two-facts']);
  renderQuiz('/quiz/exam');
  expect(screen.getByRole('heading', { level: 2, name: 'Question 1 of 2' })).toBeTruthy();
  expect(palette().getByRole('button', { name: 'Question 1, not answered' }).getAttribute('aria-current')).toBe('step');

  await user.click(screen.getByRole('radio', { name: /Parameter Store/ }));
  const flag = screen.getByRole('button', { name: 'Flag for review' });
  await user.click(flag);
  expect(flag.getAttribute('aria-pressed')).toBe('true');
  expect(palette().getByRole('button', { name: 'Question 1, answered, flagged' })).toBeTruthy();
  expect(screen.getByText('1 of 2 answered · 1 flagged')).toBeTruthy();
  expect(screen.queryByText(/Correct|Not quite|No built-in rotation/)).toBeNull();

  await user.click(palette().getByRole('button', { name: 'Question 2, not answered' }));
  expect(screen.getByRole('heading', { level: 2, name: 'Question 2 of 2' })).toBeTruthy();
  expect(palette().getByRole('button', { name: 'Question 2, not answered' }).getAttribute('aria-current')).toBe('step');
  expect(screen.getByRole('button', { name: 'Flag for review' }).getAttribute('aria-pressed')).toBe('false');

  await user.click(screen.getByRole('button', { name: '← Previous' }));
  expect((screen.getByRole('radio', { name: /Parameter Store/ }) as HTMLInputElement).checked).toBe(true);
  const saved = useAppStore.getState().quizActive.exam?.attempt;
  expect(saved?.entries['pick-service']).toMatchObject({ answer: ['ps'], flagged: true });
  expect(saved?.current).toBe(0);
});

test('submitting asks first, naming the unanswered and flagged questions; "Keep working" returns', async () => {
  const user = userEvent.setup();
  activate('exam', ['pick-service', 'two-facts']);
  const { location } = renderQuiz('/quiz/exam');
  await user.click(screen.getByRole('radio', { name: /Secrets Manager/ }));
  await user.click(screen.getByRole('button', { name: 'Flag for review' }));
  await user.click(screen.getByRole('button', { name: 'Submit exam' }));
  const dialog = screen.getByRole('alertdialog', { name: 'Submit the exam?' });
  expect(dialog.textContent).toContain('1 question is unanswered and will count as wrong. 1 is flagged for review.');
  await user.click(within(dialog).getByRole('button', { name: 'Keep working' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(document.activeElement?.textContent).toBe('Submit exam');

  await user.click(screen.getByRole('button', { name: 'Submit exam' }));
  await user.click(screen.getByRole('button', { name: 'Submit now' }));
  const [record] = useAppStore.getState().quizHistory;
  expect(record).toMatchObject({ mode: 'exam', submitReason: 'learner', correct: 1, total: 2 });
  expect(location.history?.at(-1)).toBe(`/quiz/results/${record!.id}`);
  // An exam updates the review schedule and the answers of the questions answered; an unanswered
  // one is neither answered nor a miss.
  expect(Object.keys(useAppStore.getState().reviewSchedule.questions)).toEqual(['pick-service']);
  expect(Object.keys(useAppStore.getState().questionResults)).toEqual(['pick-service']);
  expect(record).toMatchObject({ kind: 'full', answered: 1 });
});

test('an interrupted exam resumes with its remaining wall-clock time and its answers', () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const start = Date.UTC(2026, 10, 1, 9, 0, 0);
  vi.setSystemTime(start);
  activate('exam', ['pick-service', 'two-facts'], {}, start);
  useAppStore.setState((s) => {
    const a = s.quizActive.exam!;
    return {
      quizActive: {
        exam: {
          ...a,
          attempt: {
            ...a.attempt,
            entries: {
              ...a.attempt.entries,
              'pick-service': { ...a.attempt.entries['pick-service']!, answer: ['sm'] },
            },
          },
        },
      },
    };
  });
  vi.setSystemTime(start + 20 * 60_000 + 5_000); // away for 20 minutes and 5 seconds
  renderQuiz('/quiz/exam');
  expect(screen.getByRole('timer').textContent).toBe('39:55');
  expect(screen.getByText('1 of 2 answered')).toBeTruthy();
  expect((screen.getByRole('radio', { name: /Secrets Manager/ }) as HTMLInputElement).checked).toBe(true);
});

test('an exam whose time ran out while away is submitted at its deadline and opens its results', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const start = Date.UTC(2026, 10, 1, 9, 0, 0);
  vi.setSystemTime(start);
  activate('exam', ['pick-service', 'two-facts'], {}, start);
  vi.setSystemTime(start + 3 * 60 * 60_000);
  const { location } = renderQuiz('/quiz/exam');
  await act(async () => {});
  const [record] = useAppStore.getState().quizHistory;
  expect(record).toMatchObject({ submitReason: 'time-up', submittedAt: start + 60 * 60_000, correct: 0 });
  expect(location.history?.at(-1)).toBe(`/quiz/results/${record!.id}`);
  expect(screen.getByText(/Time ran out: the exam was submitted automatically/)).toBeTruthy();
});

test('the remaining time is announced only when it crosses a mark', () => {
  expect(markOf(130 * 60_000)).toBe(135 * 60_000);
  expect(markOf(61 * 60_000)).toBe(75 * 60_000);
  expect(markOf(60 * 60_000)).toBe(60 * 60_000);
  expect(markOf(4 * 60_000)).toBe(5 * 60_000);
  expect(markOf(45_000)).toBe(60_000);
  expect(markOf(10_000)).toBe(30_000);
});

test('?minutes= shortens the clock of a new exam', async () => {
  const user = userEvent.setup();
  renderQuiz('/quiz/exam?minutes=2');
  expect(screen.getByText(/short clock of 2 minutes/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Start the exam' }));
  expect(useAppStore.getState().quizActive.exam?.attempt.timeLimitMs).toBe(120_000);
  expect(screen.getByRole('timer').textContent).toMatch(/^[12]:\d\d$/);
});
