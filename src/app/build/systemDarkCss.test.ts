import postcss from 'postcss';
import { expect, test } from 'vitest';
import { systemDarkCss } from './systemDarkCss';

test('each dark rule gets a twin for a dark system before the app sets data-theme, of the same specificity, right after it', async () => {
  const css = `.a{color:black}[data-theme="dark"]{--bg:#000}.b,[data-theme="dark"] .c{color:red}@media (max-width:600px){[data-theme="dark"] .d{color:blue}}`;
  const out = (await postcss([systemDarkCss() as never]).process(css, { from: undefined })).css;
  expect(out).toBe(
    '.a{color:black}' +
      '[data-theme="dark"]{--bg:#000}@media (prefers-color-scheme: dark){:where(:root):not([data-theme]){--bg:#000}}' +
      '.b,[data-theme="dark"] .c{color:red}@media (prefers-color-scheme: dark){:where(:root):not([data-theme]) .c{color:red}}' +
      '@media (max-width:600px){[data-theme="dark"] .d{color:blue}@media (prefers-color-scheme: dark){:where(:root):not([data-theme]) .d{color:blue}}}',
  );
});
