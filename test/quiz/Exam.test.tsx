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

test('before submitting, a review screen lists the unanswered and flagged questions, each a way back', async () => {
  const user = userEvent.setup();
  activate('exam', ['pick-service', 'two-facts', 'domain-3']);
  const { location } = renderQuiz('/quiz/exam');
  await user.click(screen.getByRole('radio', { name: /Secrets Manager/ }));
  await user.click(screen.getByRole('button', { name: 'Flag for review' }));
  await user.click(screen.getByRole('button', { name: 'Review and submit' }));
  const review = screen.getByRole('region', { name: 'Review before you submit' });
  expect(document.activeElement?.textContent).toBe('Review before you submit');
  expect(within(review).getByText('1 of 3 questions answered, 1 flagged for review.')).toBeTruthy();
  const names = (list: string) =>
    within(within(review).getByRole('list', { name: list }))
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
  expect(names('Unanswered questions')).toEqual(['Go to question 2', 'Go to question 3']);
  expect(names('Flagged questions')).toEqual(['Go to question 1']);

  // A question in the list leads back to it; Escape returns to the question on screen.
  await user.click(within(review).getByRole('button', { name: 'Go to question 3' }));
  expect(screen.queryByRole('region', { name: 'Review before you submit' })).toBeNull();
  expect(screen.getByRole('heading', { level: 2, name: 'Question 3 of 3' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Review and submit' }));
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('region', { name: 'Review before you submit' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Review and submit' }));
  await user.click(screen.getByRole('button', { name: 'Submit exam' }));
  const [record] = useAppStore.getState().quizHistory;
  expect(record).toMatchObject({ mode: 'exam', submitReason: 'learner', correct: 1, total: 3 });
  expect(location.history?.at(-1)).toBe(`/quiz/results/${record!.id}`);
  // An exam updates the review schedule and the answers of the questions answered; an unanswered
  // one is neither answered nor a miss.
  expect(Object.keys(useAppStore.getState().reviewSchedule.questions)).toEqual(['pick-service']);
  expect(Object.keys(useAppStore.getState().questionResults)).toEqual(['pick-service']);
  expect(record).toMatchObject({ kind: 'full', answered: 1 });
});

test('focus mode hides the outline and the navigation while the exam runs, and can be left', async () => {
  const user = userEvent.setup();
  activate('exam', ['pick-service'], {});
  useAppStore.setState((s) => ({ quizActive: { exam: { ...s.quizActive.exam!, focus: true } } }));
  const { unmount } = renderQuiz('/quiz/exam');
  expect(document.documentElement.dataset.focus).toBe('exam');
  const toggle = screen.getByRole('button', { name: 'Focus mode' });
  expect(toggle.getAttribute('aria-pressed')).toBe('true');
  await user.click(toggle);
  expect(document.documentElement.dataset.focus).toBeUndefined();
  expect(useAppStore.getState().quizActive.exam?.focus).toBe(false);
  await user.click(toggle);
  expect(document.documentElement.dataset.focus).toBe('exam');
  unmount();
  expect(document.documentElement.dataset.focus, 'leaving the exam page leaves focus mode').toBeUndefined();
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

test('the set-up: a short exam, or a custom one restricted to a domain; never an ordering question', async () => {
  const user = userEvent.setup();
  const { unmount } = renderQuiz('/quiz/exam');
  expect(screen.getByRole('heading', { level: 1, name: 'Set up your exam' })).toBeTruthy();
  await user.click(screen.getByRole('radio', { name: /^Short exam/ }));
  await user.click(screen.getByRole('button', { name: 'Start the exam' }));
  const short = useAppStore.getState().quizActive.exam!;
  expect(short).toMatchObject({ label: 'Short exam', kind: 'short', focus: true });
  expect(short.attempt.questions.map((q) => q.type)).not.toContain('ordering');
  expect(short.attempt.unscoredIds).toEqual([]);
  unmount();

  useAppStore.setState({ quizActive: {} });
  renderQuiz('/quiz/exam');
  await user.click(screen.getByRole('radio', { name: /^Custom/ }));
  await user.clear(screen.getByLabelText('Minutes'));
  await user.type(screen.getByLabelText('Minutes'), '12');
  for (const domain of [/Development with AWS Services/, /Deployment/, /Troubleshooting/])
    await user.click(screen.getByRole('checkbox', { name: domain }));
  expect((screen.getByRole('checkbox', { name: /Security/ }) as HTMLInputElement).disabled, 'one domain stays').toBe(
    true,
  );
  await user.click(screen.getByRole('checkbox', { name: /Focus mode/ }));
  await user.click(screen.getByRole('button', { name: 'Start the exam' }));
  const custom = useAppStore.getState().quizActive.exam!;
  expect(custom).toMatchObject({ kind: 'custom', focus: false, label: 'Custom exam · 30 questions · Security' });
  // The fixture bank has one Security question of a choice type: the draw shrinks to it, and its time with it.
  expect(custom.attempt.questions.map((q) => q.id)).toEqual(['pick-service']);
  expect(custom.attempt.timeLimitMs).toBe(Math.round((12 * 60_000 * 1) / 30));
});
