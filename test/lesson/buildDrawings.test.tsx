import { expect, test, vi } from 'vitest';
import { diagramKey, keptNow } from '../../src/lesson/diagrams/cache';

// The build's drawings of one lesson, and a browser whose text measures as the build's did once the
// page's font has loaded (before that, a fallback font measures otherwise).
const drawings = vi.hoisted(() => ({ 'flowchart LR\n  A --> B': '<svg data-from="build"></svg>' }));
const font = vi.hoisted(() => {
  const state = { loaded: false, load: () => {} };
  const ready = new Promise<void>((resolve) => {
    state.load = () => {
      state.loaded = true;
      resolve();
    };
  });
  return { state, ready };
});
vi.mock('virtual:lesson-drawings', () => ({
  font: 'same',
  loaders: { 'a-lesson': { light: async () => ({ default: drawings }), dark: async () => ({ default: {} }) } },
}));
vi.mock('../../src/lesson/diagrams/fontCheck', () => ({
  fontsLoaded: () => font.ready,
  fontFingerprint: () => (font.state.loaded ? 'same' : 'fallback'),
}));

const { drawnAtBuild, loadBuildDrawings } = await import('../../src/lesson/diagrams/buildDrawings');

test('how text measures is compared once the page’s font has loaded; a lesson the build drew then has its drawings in memory', async () => {
  const answer = drawnAtBuild('a-lesson');
  font.state.load();
  expect(await answer).toBe(true);
  await loadBuildDrawings('a-lesson', false);
  expect(keptNow(diagramKey('flowchart LR\n  A --> B', false))).toBe('<svg data-from="build"></svg>');
});

test('a lesson named like a property every object has (constructor) is not taken for one the build drew', async () => {
  expect(await drawnAtBuild('constructor')).toBe(false);
  expect(await drawnAtBuild('tostring')).toBe(false);
  await expect(loadBuildDrawings('constructor', true)).resolves.toBeUndefined();
});
