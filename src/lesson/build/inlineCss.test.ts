import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { inlineStylesheets } from './inlineCss';

const outDir = mkdtempSync(path.join(tmpdir(), 'inline-css-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test("the page's own stylesheets become <style>, relative url()s absolute; others keep their link", () => {
  // Prepare: a build under a base path with an entry stylesheet and one that holds `</style`.
  mkdirSync(path.join(outDir, 'assets'));
  writeFileSync(
    path.join(outDir, 'assets/index-1.css'),
    `@font-face{src:url(./inter.woff2)}.a{background:url("data:image/svg+xml,%3Csvg%3E")}.b{mask:url('/x/icon.svg')}`,
  );
  writeFileSync(path.join(outDir, 'assets/odd.css'), `.c::after{content:"</style>"}`);
  const html =
    '<head><link rel="stylesheet" crossorigin href="/x/assets/index-1.css">' +
    '<link rel="stylesheet" href="/x/assets/odd.css"><link rel="stylesheet" href="/x/assets/gone.css">' +
    '<link rel="stylesheet" href="https://cdn.example/a.css"><link rel="icon" href="/x/icon.svg"></head>';

  // Act
  const out = inlineStylesheets(html, outDir, '/x/');

  // Assess
  expect(out).toBe(
    '<head><style>@font-face{src:url(/x/assets/inter.woff2)}.a{background:url("data:image/svg+xml,%3Csvg%3E")}' +
      ".b{mask:url('/x/icon.svg')}</style>" +
      '<link rel="stylesheet" href="/x/assets/odd.css"><link rel="stylesheet" href="/x/assets/gone.css">' +
      '<link rel="stylesheet" href="https://cdn.example/a.css"><link rel="icon" href="/x/icon.svg"></head>',
  );
});

test('a link outside the build folder is never read', () => {
  writeFileSync(path.join(path.dirname(outDir), 'secret.css'), '.s{}');
  const html = '<link rel="stylesheet" href="/x/../secret.css">';
  expect(inlineStylesheets(html, outDir, '/x/')).toBe(html);
  rmSync(path.join(path.dirname(outDir), 'secret.css'));
});
