import { expect, test } from 'vitest';
import { staticCopy } from './floor';

test("a lesson's static copy keeps its styles and markup and runs nothing", () => {
  // Prepare: a prerendered page's head and body as the build writes them (abridged).
  const page =
    '<!doctype html><html><head><script>// theme boot\n(function () {})();\n</script>' +
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' +
    '<script type="module" crossorigin src="/assets/index-1.js"></script>' +
    '<link rel="modulepreload" crossorigin href="/assets/store-1.js">' +
    '<style>.prose{color:#111}</style><link rel="manifest" href="/manifest.webmanifest">' +
    '<link rel="icon" href="/icon.svg"></head><body><div id="root" data-prerendered="rotation">' +
    '<figure class="mermaid-diagram"><div class="diagram-frame"><svg><style>#d .n{fill:red}</style></svg></div></figure>' +
    '<pre><code>&lt;script&gt;</code></pre></div></body></html>';

  // Act
  const copy = staticCopy(page);

  // Assess: only the scripts, module preloads and the manifest are gone.
  expect(copy).toBe(
    '<!doctype html><html><head>' +
      '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' +
      '<style>.prose{color:#111}</style>' +
      '<link rel="icon" href="/icon.svg"></head><body><div id="root" data-prerendered="rotation">' +
      '<figure class="mermaid-diagram"><div class="diagram-frame"><svg><style>#d .n{fill:red}</style></svg></div></figure>' +
      '<pre><code>&lt;script&gt;</code></pre></div></body></html>',
  );
});
