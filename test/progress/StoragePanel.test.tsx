import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { StoragePanel } from '../../src/progress/StoragePanel';

/**
 * `navigator.storage` is the browser's boundary (jsdom has none): a stand-in that behaves like
 * Chromium's, where `persist()` may be granted or declined.
 */
function stubStorage(grant: boolean) {
  let persisted = false;
  const storage = {
    estimate: vi.fn(async () => ({ usage: 1536, quota: 10 * 1024 * 1024 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = grant;
      return grant;
    }),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

test('"Ask to keep my progress" asks the browser once, and says when it agreed', async () => {
  const storage = stubStorage(true);
  render(<StoragePanel version={0} />);
  expect(await screen.findByText('1.5 KB of 10.0 MB available to this site')).toBeTruthy();
  expect(screen.getByText(/Best effort: under storage pressure/)).toBeTruthy();
  await userEvent.click(screen.getByRole('button', { name: 'Ask to keep my progress' }));
  expect(await screen.findByText(/Yes: this browser will not clear your progress/)).toBeTruthy();
  expect(storage.persist).toHaveBeenCalledTimes(1);
  expect(screen.queryByRole('button', { name: 'Ask to keep my progress' })).toBeNull();
});

test('a declined request is explained, and the learner can ask again later', async () => {
  stubStorage(false);
  render(<StoragePanel version={0} />);
  await userEvent.click(await screen.findByRole('button', { name: 'Ask to keep my progress' }));
  expect(await screen.findByText(/The browser declined for now/)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Ask to keep my progress' })).toBeTruthy();
});

test('without the Storage API the panel says what it cannot know, and offers nothing to click', async () => {
  render(<StoragePanel version={0} />);
  expect(await screen.findByText('Unknown (this browser does not report it)')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Ask to keep my progress' })).toBeNull();
});
