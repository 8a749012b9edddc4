/**
 * The stylesheets theme the page by `<html data-theme="dark">`, which the app sets from the
 * learner's choice (src/ui/theme.ts). Before any script has run (a lesson's prerendered HTML, see
 * src/lesson/build/prerenderPlugin.ts, and the app's first frame) the attribute is not there yet:
 * this PostCSS plugin gives every `[data-theme="dark"]` rule a twin for that moment, applied when the
 * system is dark: `@media (prefers-color-scheme: dark) { :where(:root):not([data-theme]) … }`, right
 * after the rule and of the same specificity, so the cascade is the same as with the attribute.
 * (A learner who chose the other theme than their system's sees theirs once the app starts.)
 */
const ATTRIBUTE = '[data-theme="dark"]';
const NO_THEME_YET = ':where(:root):not([data-theme])';

/** Just what this plugin uses of PostCSS's node API (postcss is Vite's, not ours to import). */
interface CssRule {
  selectors: string[];
  parent?: { type: string; name?: string; params?: string };
  clone(overrides: { selectors: string[] }): CssRule;
  after(node: unknown): void;
}
interface Helpers {
  AtRule: new (init: { name: string; params: string }) => { append(node: unknown): void };
}

export function systemDarkCss() {
  const done = new WeakSet<object>();
  return {
    postcssPlugin: 'secrets-lab-system-dark',
    Rule(rule: CssRule, { AtRule }: Helpers) {
      if (done.has(rule)) return;
      const own = rule.selectors.filter((s) => s.includes(ATTRIBUTE));
      if (!own.length) return;
      const twin = rule.clone({ selectors: own.map((s) => s.split(ATTRIBUTE).join(NO_THEME_YET)) });
      done.add(twin);
      const media = new AtRule({ name: 'media', params: '(prefers-color-scheme: dark)' });
      media.append(twin);
      rule.after(media);
    },
  };
}
