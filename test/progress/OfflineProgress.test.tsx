import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { OfflineProgress } from '../../src/app/pwa/OfflineProgress';
import { megabytes } from '../../src/app/pwa/saveProgress';

afterEach(() => {
  vi.useRealTimers();
});

test('while saving: the amount of the whole, a bar with the same numbers, and a live region that only names the step', () => {
  render(<OfflineProgress save={{ phase: 'saving', saved: 12_400_000, total: 25_693_224 }} />);
  expect(screen.getByText('Saving for offline: 12 MB of 26 MB')).toBeTruthy();
  const bar = screen.getByRole('progressbar', { name: 'Saved for offline use' }) as HTMLProgressElement;
  expect([bar.value, bar.max]).toEqual([12_400_000, 25_693_224]);
  expect(screen.getByRole('status').textContent).toBe('Saving the course for offline use');
});

test('without the build’s list: files so far, and a bar that does not pretend to know the end', () => {
  render(<OfflineProgress save={{ phase: 'saving', saved: 40 }} />);
  expect(screen.getByText('Saving for offline: 40 files so far')).toBeTruthy();
  expect(screen.getByRole('progressbar').hasAttribute('value')).toBe(false);
});

test('done: it says the course works offline, then steps aside after a while (not while held)', async () => {
  vi.useFakeTimers();
  const { rerender } = render(<OfflineProgress save={{ phase: 'saving', saved: 1, total: 2 }} />);
  rerender(<OfflineProgress save={{ phase: 'done', saved: 2, total: 2 }} />);
  expect(screen.getByRole('status').textContent).toContain('Secrets Lab now works offline');
  expect(screen.queryByRole('progressbar')).toBeNull();
  act(() => vi.advanceTimersByTime(13_000));
  expect(screen.queryByRole('status')).toBeNull();
});

test('a failed install says so plainly, and "Hide" hides the card while saving', async () => {
  const { rerender } = render(<OfflineProgress save={{ phase: 'failed', saved: 0 }} />);
  expect(screen.getByRole('status').textContent).toContain('could not be saved for offline use');
  expect(screen.getByRole('status').textContent).toContain('Everything still works online');
  rerender(<OfflineProgress save={{ phase: 'saving', saved: 0, total: 10 }} />);
  await userEvent.click(screen.getByRole('button', { name: 'Hide' }));
  expect(screen.queryByRole('status')).toBeNull();
});

test('megabytes: whole from ten up, one decimal under ten', () => {
  expect(megabytes(25_693_224)).toBe('26 MB');
  expect(megabytes(2_449_999)).toBe('2.4 MB');
  expect(megabytes(0)).toBe('0 MB');
});
