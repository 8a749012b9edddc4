import { expect, test } from 'vitest';
import { bestFit, type Drawing, drawingOf, inlineSize, overflow, READABLE_PX, scaleIn, turned } from './layout';

const drawing = (width: number, height: number, smallestLabel = 16): Drawing => ({
  svg: `<svg viewBox="0 0 ${width} ${height}" data-smallest-label="${smallestLabel}"></svg>`,
  width,
  height,
  smallestLabel,
});

test('a drawn SVG gives its natural size and smallest label', () => {
  const svg = '<svg id="d" data-smallest-label="14.5" viewBox="-50 -10 1190.5 486" role="graphics-document"><g/></svg>';
  expect(drawingOf(svg)).toMatchObject({ width: 1190.5, height: 486, smallestLabel: 14.5 });
  expect(drawingOf('<svg viewBox="0 0 100 50"></svg>'), 'no recorded label').toBeUndefined();
  expect(drawingOf('<svg data-smallest-label="16"></svg>'), 'no viewBox').toBeUndefined();
});

test('a diagram narrower than its column keeps its natural size', () => {
  expect(scaleIn(drawing(400, 300), 680)).toBe(1);
  expect(overflow(drawing(400, 300), 680)).toBe(0);
});

test('a wider one shrinks to the column, but never below readable labels, then scrolls', () => {
  expect(scaleIn(drawing(800, 300), 680)).toBeCloseTo(0.85);
  const wide = drawing(2000, 300);
  expect(scaleIn(wide, 680) * wide.smallestLabel).toBe(READABLE_PX);
  expect(overflow(wide, 680)).toBe(2000 * 0.75 - 680);
});

test('labels drawn smaller than readable are shown enlarged', () => {
  const small = drawing(300, 100, 10);
  expect(scaleIn(small, 680)).toBeCloseTo(1.2);
  expect(inlineSize(small)).toEqual({ width: '360px', minWidth: '360px', maxWidth: 'none' });
});

test('the CSS sizes shrink with the column down to readable, never further', () => {
  expect(inlineSize(drawing(1000, 300))).toEqual({ width: '1000px', minWidth: '750px', maxWidth: '100%' });
});

test('the drawing that scrolls least wins; on a tie, larger labels; the author’s own first', () => {
  const own = drawing(1600, 300);
  const other = drawing(500, 1200);
  expect(bestFit([own, other], 680)).toBe(other);
  expect(bestFit([own, other], 2000), 'both fit: the larger labels').toBe(own);
  const same = drawing(1600, 300);
  expect(bestFit([own, same], 680), 'a tie keeps the author’s').toBe(own);
  expect(() => bestFit([], 680)).toThrow();
});

test('a flowchart turns between left-to-right and top-to-bottom; other diagrams do not turn', () => {
  expect(turned('flowchart LR\n  A --> B')).toBe('flowchart TB\n  A --> B');
  expect(turned('graph TD\n  A --> B')).toBe('graph LR\n  A --> B');
  expect(turned('%% a comment\ngraph RL\n  subgraph x\n    direction TB\n  end')).toBe(
    '%% a comment\ngraph TB\n  subgraph x\n    direction TB\n  end',
  );
  expect(turned('sequenceDiagram\n  A->>B: hi')).toBeUndefined();
  expect(turned('flowchart\n  A --> B'), 'no direction given').toBeUndefined();
});
