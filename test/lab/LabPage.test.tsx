import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, expect, test, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import LabPage from '../../src/lab/LabPage';
import { initialState, useAppStore } from '../../src/store/store';

// Monaco is replaced at its boundary only (a textarea); the sandbox runs both realms in-process
// (src/sandbox/inProcess.ts), so the page is graded by the real checks. Chromium tests run the real thing.
vi.mock('../../src/lab/LazyCodeEditor', () => ({
  CodeEditor: (props: { value: string; onChange(v: string): void }) => (
    <textarea aria-label="Code" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
  ),
}));
vi.mock('../../src/lab/runnerInstance', async () => {
  const { runSession } = await import('../../src/sandbox/inProcess');
  const { runtimes } = await import('virtual:exercise-runtime');
  return {
    runner: {
      warm: async () => undefined,
      idle: async () => undefined,
      rehearse: () => undefined,
      advance: async () => undefined,
      transcript: async () => '',
      run: async (request: { code: string; exercise?: string }, options: { onConsole?: never }) => {
        const load = request.exercise ? runtimes[request.exercise] : undefined;
        return runSession(request.code, load ? await load() : undefined, { onConsole: options.onConsole });
      },
    },
  };
});

const exerciseDir = path.resolve(__dirname, '../../content/exercises/read-db-credentials');

beforeEach(() => {
  useAppStore.setState(initialState, true);
});

async function openWorkbench() {
  const location = memoryLocation({ path: '/lab/read-db-credentials' });
  render(
    <Router hook={location.hook}>
      <LabPage slug="read-db-credentials" />
    </Router>,
  );
  return screen.findByRole('textbox', { name: 'Code' });
}

test('the solution, typed and run, passes every check and is recorded as passed', async () => {
  const editor = await openWorkbench();
  fireEvent.change(editor, { target: { value: readFileSync(path.join(exerciseDir, 'solution.ts'), 'utf8') } });
  fireEvent.click(screen.getByRole('button', { name: '▶ Run' }));
  await screen.findByRole('tab', { name: /^Checks \d/ }, { timeout: 20_000 });
  expect(document.querySelector('#result-panel')?.textContent).toMatch(/^All 4 checks passed/);
  expect(screen.getByRole('tab', { name: 'Checks 4/4' }).getAttribute('aria-selected')).toBe('true');
  // Recorded once the result is drawn.
  await vi.waitFor(() =>
    expect(useAppStore.getState().exerciseProgress['read-db-credentials']).toMatchObject({ attempts: 1, passed: true }),
  );
});

test('a syntax error leads the checks, none of them runs, and the run is recorded as not passed', async () => {
  const editor = await openWorkbench();
  fireEvent.change(editor, { target: { value: 'export async function getDbCredentials( {\n}' } });
  fireEvent.click(screen.getByRole('button', { name: '▶ Run' }));
  const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
  expect(alert.textContent).toMatch(/^Your code could not be readline 2, column \d+SyntaxError: /);
  const panel = document.querySelector<HTMLElement>('#result-panel') as HTMLElement;
  expect(panel.querySelectorAll('.check-skipped')).toHaveLength(4);
  expect(panel.querySelectorAll('.check-pass')).toHaveLength(0);
  await vi.waitFor(() =>
    expect(useAppStore.getState().exerciseProgress['read-db-credentials']).toMatchObject({
      attempts: 1,
      passed: false,
    }),
  );
  // The draft is saved as typed.
  await vi.waitFor(() =>
    expect(useAppStore.getState().drafts['read-db-credentials']?.code).toContain('getDbCredentials('),
  );
});
