import type { Page } from 'playwright-core';

/**
 * The font size, in screen px, of the smallest label in each SVG the selector finds: every <text>
 * and every piece of text inside a <foreignObject>, scaled by everything between it and the
 * screen (the page's own sizing, Panzoom's transform).
 */
export function smallestLabels(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((svgs) =>
    svgs.map((svg) => {
      let smallest = Number.POSITIVE_INFINITY;
      for (const el of svg.querySelectorAll('text, foreignObject *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!own) continue;
        const host = (el instanceof SVGGraphicsElement ? el : el.closest('foreignObject')) as SVGGraphicsElement;
        const m = host.getScreenCTM();
        if (!m) continue;
        smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b));
      }
      return Math.round(smallest * 10) / 10;
    }),
  );
}

/**
 * What is wrong with the diagrams of the lesson on screen (its body says data-diagrams="done"):
 * an error box, a figure that is not an SVG, a label under 12 px in the page, or one under 12 px in its
 * Enlarge dialog (each opened by its button and closed by Escape). Returns how many it enlarged.
 */
export async function diagramProblems(page: Page, where: string): Promise<{ problems: string[]; enlarged: number }> {
  const problems: string[] = [];
  const failed = await page.locator('.diagram-error').count();
  if (failed) problems.push(`${where}: ${failed} diagrams could not be drawn`);
  const figures = await page.locator('figure.mermaid-diagram').count();
  const inPage = await smallestLabels(page, 'figure.mermaid-diagram .diagram-frame > svg');
  if (inPage.length !== figures) problems.push(`${where}: ${figures - inPage.length} of ${figures} diagrams not drawn`);
  inPage.forEach((px, i) => {
    if (!(px >= 12)) problems.push(`${where} diagram ${i + 1} in the page: ${px} px`);
  });
  const buttons = page.locator('figure.mermaid-diagram button.diagram-enlarge');
  const count = await buttons.count();
  if (count !== figures) problems.push(`${where}: ${count} Enlarge buttons for ${figures} diagrams`);
  for (let i = 0; i < count; i++) {
    await buttons.nth(i).click();
    await page.locator('dialog .diagram-dialog-viewport[data-ready]').waitFor();
    const [px] = await smallestLabels(page, 'dialog .diagram-dialog-canvas > svg');
    if (!(px !== undefined && px >= 12)) problems.push(`${where} diagram ${i + 1} enlarged: ${px} px`);
    await page.keyboard.press('Escape');
    await page.locator('dialog.diagram-dialog').waitFor({ state: 'detached' });
  }
  return { problems, enlarged: count };
}
