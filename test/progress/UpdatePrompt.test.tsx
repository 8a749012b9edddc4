import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, test, vi } from 'vitest';
import { onBeforeReload } from '../../src/ui/flushBeforeReload';

/**
 * The service worker boundary is mocked here (jsdom has none); the real registration runs in
 * Chromium (test/browser/offline.test.ts). What is tested: the page never reloads by itself, and
 * pending saves are flushed before the new version takes over.
 */
const sw = vi.hoisted(() => ({
  needRefresh: true,
  options: {} as { onNeedReload?: () => void },
  events: [] as string[],
}));
vi.mock('virtual:pwa-register/react', async () => {
  const { useState } = await import('react');
  return {
    useRegisterSW(options: { onNeedReload?: () => void }) {
      sw.options = options;
      const needRefresh = useState(sw.needRefresh);
      return {
        needRefresh,
        offlineReady: useState(false),
        updateServiceWorker: async () => {
          sw.events.push('skip-waiting');
        },
      };
    },
  };
});

const reload = vi.fn(() => sw.events.push('reload'));
beforeEach(() => {
  sw.events = [];
  sw.needRefresh = true;
  reload.mockClear();
  vi.stubGlobal('location', { ...window.location, reload });
});

const { UpdatePrompt } = await import('../../src/app/pwa/UpdatePrompt');

test('"Reload to update" flushes pending saves, then activates the new version, then reloads', async () => {
  const unregister = onBeforeReload(() => sw.events.push('flush draft'));
  render(<UpdatePrompt />);
  expect(screen.getByRole('status').textContent).toContain('A new version of Secrets Lab is ready.');

  await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
  await waitFor(() => expect(sw.events).toContain('skip-waiting'));
  expect(sw.events).toEqual(['flush draft', 'skip-waiting']);
  sw.options.onNeedReload?.(); // the new worker now controls the page
  expect(sw.events).toEqual(['flush draft', 'skip-waiting', 'flush draft', 'reload']);
  unregister();
});

test('a version activated from another tab does not reload this one: the prompt stays until clicked', async () => {
  render(<UpdatePrompt />);
  sw.options.onNeedReload?.();
  expect(reload).not.toHaveBeenCalled();
  await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
  await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
  expect(sw.events).toEqual(['reload']);
});

test('"Later" hides the prompt and nothing reloads', async () => {
  render(<UpdatePrompt />);
  await userEvent.click(screen.getByRole('button', { name: 'Later' }));
  expect(screen.queryByText(/A new version/)).toBeNull();
  expect(reload).not.toHaveBeenCalled();
});

test('no prompt while no new version is waiting', () => {
  sw.needRefresh = false;
  const { container } = render(<UpdatePrompt />);
  expect(container.textContent).toBe('');
});

test('leaving the page (reload, close) or hiding the tab runs the pending saves too', () => {
  const saves: string[] = [];
  const unregister = onBeforeReload(() => saves.push('flush draft'));
  window.dispatchEvent(new Event('pagehide'));
  expect(saves).toEqual(['flush draft']);
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  document.dispatchEvent(new Event('visibilitychange'));
  expect(saves).toEqual(['flush draft', 'flush draft']);
  visibility.mockReturnValue('visible');
  document.dispatchEvent(new Event('visibilitychange'));
  expect(saves).toHaveLength(2);
  visibility.mockRestore();
  unregister();
  window.dispatchEvent(new Event('pagehide'));
  expect(saves).toHaveLength(2);
});
