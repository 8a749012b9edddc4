/**
 * Mermaid sizes each box to its label as measured in the page's font, so a drawing made at build
 * time fits its labels only where text measures as it did there. This says how text measures
 * here: the width of a sample line in the given font stack, regular and bold, at mermaid's 16 px.
 * A browser whose fonts give other widths draws the diagrams itself (as without build drawings).
 * (Also run as text in the Chromium the build draws in: it uses nothing but the DOM.)
 */
export function fontFingerprint(fontFamily: string): string {
  const sample =
    'Secrets Manager · GetSecretValue → rotation 0123456789 AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz';
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return '';
  return ['400', '700']
    .map((weight) => {
      context.font = `${weight} 16px ${fontFamily}`;
      return context.measureText(sample).width.toFixed(2);
    })
    .join(' ');
}
