import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { exerciseList } from '../../src/course/exercises';
import { LessonEnd } from '../../src/path/LessonEnd';
import { useAppStore } from '../../src/store/store';
import { resetStore } from '../quiz/render';

vi.mock('../../src/course/questions', async () => (await import('../quiz/fixtureBank')).bankModule());

beforeEach(resetStore);

function renderEnd(slug: string) {
  const location = memoryLocation({ path: `/lessons/${slug}`, record: true });
  render(
    <Router hook={location.hook}>
      <LessonEnd slug={slug} />
    </Router>,
  );
  return location;
}

test("'Check yourself' answers the lesson's own questions in place; answering them all counts the lesson read", async () => {
  const user = userEvent.setup();
  renderEnd('rotation');
  expect(useAppStore.getState().lastLesson?.slug, 'the lesson opened last').toBe('rotation');
  await user.click(screen.getByRole('button', { name: 'Show the questions' }));
  const first = (
    await screen.findByRole('heading', { level: 3, name: 'Question 1 of 2' }, { timeout: 10_000 })
  ).closest('li')!;
  await user.click(within(first).getByRole('radio', { name: /Parameter Store/ }));
  await user.click(within(first).getByRole('button', { name: 'Check answer' }));
  expect(within(first).getByText(/Not quite/)).toBeTruthy();
  expect(within(first).getByText('No built-in rotation.')).toBeTruthy();
  expect(useAppStore.getState().lessonsRead).toEqual({});

  const second = screen.getByRole('heading', { level: 3, name: 'Question 2 of 2' }).closest('li')!;
  await user.click(within(second).getByRole('button', { name: 'Check answer' }));
  expect(within(second).getByText(/Correct|Not quite/)).toBeTruthy();
  expect(screen.getByText(/^\d of 2 right\. Every option is explained below\.$/)).toBeTruthy();
  const state = useAppStore.getState();
  expect(Object.keys(state.questionResults).sort()).toEqual(['four-steps', 'pick-service']);
  expect(state.questionResults['pick-service']?.correct).toBe(false);
  expect(Object.keys(state.reviewSchedule.questions).sort()).toEqual(['four-steps', 'pick-service']);
  expect(Object.keys(state.lessonsRead)).toEqual(['rotation']);
});

test("'Try it in the lab' links the lesson's exercises with the learner's status", () => {
  const exercise = exerciseList[0]!;
  const slug = exercise.lesson.split('#')[0]!;
  useAppStore.setState({ exerciseProgress: { [exercise.slug]: { attempts: 3, passed: false } } });
  renderEnd(slug);
  const lab = screen.getByRole('region', { name: 'Try it in the lab' });
  const link = within(lab).getByRole('link', { name: new RegExp(exercise.title) });
  expect(link.getAttribute('href')).toBe(`/lab/${exercise.slug}`);
  expect(link.textContent).toContain('3 runs, not passed yet');
});

test('a lesson without an exercise of its own points to the lab', () => {
  renderEnd('no-exercise-here');
  expect(
    within(screen.getByRole('region', { name: 'Try it in the lab' })).getByRole('link', { name: 'The lab' }),
  ).toBeTruthy();
});

test('scrolling to the end of the text, or past it, counts the lesson read; opening it does not', () => {
  renderEnd('rotation');
  const marker = document.querySelector('.lesson-end-marker')!;
  let top = 5000;
  vi.spyOn(marker, 'getBoundingClientRect').mockImplementation(() => ({ top }) as DOMRect);
  expect(useAppStore.getState().lessonsRead, 'opened, not scrolled').toEqual({});

  window.dispatchEvent(new Event('scroll'));
  expect(useAppStore.getState().lessonsRead, 'scrolled, the end still below').toEqual({});

  top = -2000; // a jump to the bottom: the end was never on screen, it is above it
  window.dispatchEvent(new Event('scroll'));
  expect(Object.keys(useAppStore.getState().lessonsRead)).toEqual(['rotation']);
});
