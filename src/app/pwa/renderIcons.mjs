// Renders the app's install icons from public/icon.svg with the Chromium the browser tests use:
//   node src/app/pwa/renderIcons.mjs
// Writes public/icon-192.png, public/icon-512.png and public/icon-maskable-512.png. A maskable icon
// is cropped by the OS to any shape inside the central 80% circle, so its glyph is drawn smaller on
// a full-bleed background.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../test/browser/chromiumPath.mjs';

const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));
const svg = readFileSync(`${publicDir}icon.svg`, 'utf8');
const BRAND = '#4f46e5';

const page = (
  size,
  maskable,
) => `<!doctype html><html><body style="margin:0;background:${maskable ? BRAND : 'transparent'}">
<div style="width:${size}px;height:${size}px;display:grid;place-items:center">
<div style="width:${maskable ? size * 0.72 : size}px;height:${maskable ? size * 0.72 : size}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>
</div></body></html>`;

const browser = await launchChromium();
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  await tab.setContent(page(size, maskable));
  await tab.screenshot({ path: `${publicDir}${name}`, omitBackground: !maskable });
  await context.close();
}
await browser.close();
console.log('public/icon-192.png, public/icon-512.png, public/icon-maskable-512.png');
