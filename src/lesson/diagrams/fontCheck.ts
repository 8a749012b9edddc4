/**
 * Mermaid sizes each box to its label as measured in the page's font, so a drawing made at build
 * time fits its labels only where text measures as it did there. This says how text measures
 * here: the width of a sample line in the given font stack, regular and bold, at mermaid's 16 px.
 * A browser whose fonts give other widths draws the diagrams itself (as without build drawings).
 * The app ships its font (Inter, latin: styles.css), so this differs only where that font is not
 * used; the sample keeps to the characters it covers (no arrow: no font of the subset has one, so
 * a system font would measure it). Measure once `fontsLoaded`: before that, with `font-display:
 * swap`, the page's text is in a fallback font.
 * (Also run as text in the Chromium the build draws in: it uses nothing but the DOM.)
 */
export function fontFingerprint(fontFamily: string): string {
  const sample =
    'Secrets Manager · GetSecretValue -> rotation 0123456789 AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz';
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return '';
  return ['400', '700']
    .map((weight) => {
      context.font = `${weight} 16px ${fontFamily}`;
      return context.measureText(sample).width.toFixed(2);
    })
    .join(' ');
}

/**
 * Resolves once the font stack's faces for regular and bold text are loaded (a bundled font is
 * fetched on first use), or after `within` ms if they are not (offline without it, a stalled
 * request): the fingerprint is then taken with whatever font the text has, and differs.
 */
export function fontsLoaded(fontFamily: string, within = 3000): Promise<void> {
  // (No font loading API, as in a test's DOM: nothing to wait for.)
  if (!document.fonts) return Promise.resolve();
  const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px ${fontFamily}`, 'Secrets'));
  const settled = Promise.all(loads).then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([settled, new Promise<void>((done) => setTimeout(done, within))]);
}
