import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import ClassReportPanel from '../../src/classReport/ClassReportPanel';
import { bank } from '../../src/course/questions';
import { toProgressFile } from '../../src/store/progressFile';
import { defaultState } from '../../src/store/state';

const now = new Date();
const q = bank[0]!;
const progress = (answers: Record<string, { correct: boolean; at: number }>, name?: string) =>
  JSON.stringify(toProgressFile({ ...defaultState(), questionResults: answers }, now, name));

test('students’ files chosen on /instructor: read in the browser, summed up, a bad file named, nothing crashes', async () => {
  const user = userEvent.setup();
  render(<ClassReportPanel />);
  const files = [
    new File([progress({ [q.id]: { correct: false, at: now.getTime() } }, 'Ana')], 'ana.json'),
    new File([progress({})], 'progress.json'),
    new File(['not json at all'], 'notes.json'),
  ];
  await user.upload(screen.getByLabelText('Choose files…'), files);

  expect((await screen.findByTestId('class-summary')).textContent).toMatch(
    /^2 student files read, 1 started, 1 refused\./,
  );
  const alert = screen.getByRole('alert');
  expect(within(alert).getByText('notes.json')).toBeTruthy();
  // The one answer given: the question most missed, 0 of 1 right.
  const first = screen.getByRole('heading', { name: 'Questions, most missed first' }).nextElementSibling!;
  expect(first.querySelector('li')?.textContent).toContain(`${q.id}0 of 1 right`);
  expect(screen.getByText('Student 2')).toBeTruthy();
});
