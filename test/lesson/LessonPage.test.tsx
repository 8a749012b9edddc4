import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { exerciseList } from '../../src/course/exercises';
import { course } from '../../src/course/lessons';
import { initialState, useAppStore } from '../../src/store/store';
import { renderApp } from '../support/renderApp';

// jsdom cannot lay out SVG, so mermaid is replaced at this boundary only; Chromium tests draw for real.
// (A drawn SVG carries its natural size and smallest label, as diagrams/mermaid.ts records them.)
const renderDiagram = vi.hoisted(() =>
  vi.fn(async (source: string) => ({
    svg: `<svg data-smallest-label="16" viewBox="0 0 400 200" data-testid="diagram"><text>${source.length}</text></svg>`,
  })),
);
vi.mock('../../src/lesson/diagrams/mermaid', () => ({ renderDiagram, preloadMermaid: () => {} }));

beforeEach(() => {
  useAppStore.setState(initialState, true);
  renderDiagram.mockClear();
});

const first = course[0]!;
const second = course[1]!;
const withDiagrams = course.find((l) => l.diagrams > 0)!;

test('a lesson page shows its title, summary and body, and draws its diagrams', async () => {
  renderApp(`/lessons/${withDiagrams.slug}`);
  expect(screen.getByRole('heading', { level: 1, name: withDiagrams.title })).toBeTruthy();
  expect(screen.getByText(withDiagrams.summary)).toBeTruthy();
  // The body says when its diagrams are done (data-diagrams="done"); wait for that state, not for
  // a fixed time: a loaded machine can take well over a second to import the diagram modules.
  await waitFor(() => expect(document.querySelector<HTMLElement>('.prose')?.dataset.diagrams).toBe('done'), {
    timeout: 25_000,
  });
  expect(screen.getAllByTestId('diagram')).toHaveLength(withDiagrams.diagrams);
  expect(renderDiagram).toHaveBeenCalledTimes(withDiagrams.diagrams);
  for (const h of withDiagrams.headings) expect(document.getElementById(h.id)).not.toBeNull();
});

test('an unknown lesson says so and links back', () => {
  renderApp('/lessons/no-such-lesson');
  expect(screen.getByRole('heading', { name: 'Lesson not found' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Back to the course' })).toBeTruthy();
});

test('"Mark as read" updates the store, the outline and the progress bar', async () => {
  const user = userEvent.setup();
  renderApp(`/lessons/${first.slug}`);
  await user.click(screen.getByRole('button', { name: 'Mark as read' }));
  expect(Object.keys(useAppStore.getState().lessonsRead)).toEqual([first.slug]);
  expect(screen.getByRole('button', { name: '✓ Read' }).getAttribute('aria-pressed')).toBe('true');
  const outline = screen.getByRole('navigation', { name: 'Course outline' });
  expect(within(outline).getByText('(read)', { exact: false })).toBeTruthy();
  // The bar counts the whole path: lessons read and exercises passed.
  expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
    String(Math.round(100 / (course.length + exerciseList.length))),
  );
  await user.click(screen.getByRole('button', { name: '✓ Read' }));
  expect(useAppStore.getState().lessonsRead).toEqual({});
});

test('"Next" goes to the following lesson and the outline marks it current', async () => {
  const user = userEvent.setup();
  const location = renderApp(`/lessons/${first.slug}`);
  await user.click(screen.getByRole('link', { name: new RegExp(`Next.*${escapeRegExp(second.title)}`) }));
  expect(location.history?.at(-1)).toBe(`/lessons/${second.slug}`);
  expect(screen.getByRole('heading', { level: 1, name: second.title })).toBeTruthy();
  const current = within(screen.getByRole('navigation', { name: 'Course outline' })).getByRole('link', {
    current: 'page',
  });
  expect(current.textContent).toContain(second.title);
});

test('the home page offers to continue with the first unread lesson', async () => {
  useAppStore.setState({ lessonsRead: { [first.slug]: 1 } });
  renderApp('/');
  expect(screen.getByRole('link', { name: `Continue: ${second.title}` })).toBeTruthy();
  await act(async () => {});
});

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('lessons are numbered 1 to N by their place in the course, in the outline and on the page, though their order field jumps', async () => {
  // Prepare: the last lesson, whose order field is past the number of lessons (authors leave gaps).
  const last = course.at(-1)!;
  expect(last.order, 'the course has a gap in its order fields').toBeGreaterThan(course.length);
  // Act
  renderApp(`/lessons/${last.slug}`);
  // Assess
  expect(screen.getByText(new RegExp(`^Lesson ${course.length} ·`))).toBeTruthy();
  const outline = screen.getByRole('list', { name: 'Lessons' });
  const numbers = [...outline.querySelectorAll(':scope > li > a .check')].map((n) => n.textContent);
  expect(numbers).toEqual(course.map((_, i) => String(i + 1)));
});
