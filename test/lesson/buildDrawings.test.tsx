import { expect, test, vi } from 'vitest';
import { diagramKey, keptNow } from '../../src/lesson/diagrams/cache';

// The build's drawings of one lesson, and a browser whose text measures as the build's did.
const drawings = vi.hoisted(() => ({ 'flowchart LR\n  A --> B': '<svg data-from="build"></svg>' }));
vi.mock('virtual:lesson-drawings', () => ({
  font: 'same',
  loaders: { 'a-lesson': { light: async () => ({ default: drawings }), dark: async () => ({ default: {} }) } },
}));
vi.mock('../../src/lesson/diagrams/fontCheck', () => ({ fontFingerprint: () => 'same' }));

const { drawnAtBuild, loadBuildDrawings } = await import('../../src/lesson/diagrams/buildDrawings');

test('a lesson the build drew is drawn at build, and its drawings are held in memory', async () => {
  expect(drawnAtBuild('a-lesson')).toBe(true);
  await loadBuildDrawings('a-lesson', false);
  expect(keptNow(diagramKey('flowchart LR\n  A --> B', false))).toBe('<svg data-from="build"></svg>');
});

test('a lesson named like a property every object has (constructor) is not taken for one the build drew', async () => {
  expect(drawnAtBuild('constructor')).toBe(false);
  expect(drawnAtBuild('tostring')).toBe(false);
  await expect(loadBuildDrawings('constructor', true)).resolves.toBeUndefined();
});
