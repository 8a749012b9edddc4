import { readFileSync } from 'node:fs';
import { createFontStack } from '@capsizecss/core';
import arial from '@capsizecss/metrics/arial';
import inter from '@capsizecss/metrics/inter';
import { expect, test } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** The declarations of the stylesheet's @font-face for `family`, as name → value. */
function fontFace(family: string): Record<string, string> {
  const block = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)]
    .map((m) => m[1] as string)
    .find((body) => body.includes(`font-family: "${family}"`));
  if (!block) throw new Error(`styles.css has no @font-face for ${family}`);
  return Object.fromEntries(
    block
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
}

test("the fallback face scales Arial to Inter's metrics exactly as capsize computes them", () => {
  const generated = fontFace('Inter Fallback');
  const [face] = createFontStack([inter, arial], { fontFaceFormat: 'styleObject' }).fontFaces;
  expect(face).toBeDefined();
  const expected = face?.['@font-face'] as Record<string, string>;
  for (const property of ['ascentOverride', 'descentOverride', 'lineGapOverride', 'sizeAdjust'] as const) {
    const name = property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    expect(generated[name], name).toBe(expected[property]);
  }
  // Arial where it is installed, its metric twin Liberation Sans on Linux.
  expect(generated.src).toContain('local("Arial")');
  expect(generated.src).toContain('local("Liberation Sans")');
});

test('the page font names the fallback face right after Inter', () => {
  expect(css).toMatch(/--font: "Inter", "Inter Fallback", /);
});
