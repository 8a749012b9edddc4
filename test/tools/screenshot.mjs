// Screenshots of pages for a person to look at: node test/tools/screenshot.mjs <url> <out-prefix> [--full] [--no-js]
// Writes <prefix>-light.png, <prefix>-dark.png and <prefix>-phone.png. --no-js: the page as it shows
// before any script (a prerendered lesson's copy).
import { launchChromium } from '../browser/chromiumPath.mjs';

const [url, prefix = '/tmp/shot'] = process.argv.slice(2);
const fullPage = process.argv.includes('--full');
const javaScriptEnabled = !process.argv.includes('--no-js');
const browser = await launchChromium();
for (const [name, opts] of [
  ['light', { colorScheme: 'light', viewport: { width: 1280, height: 860 } }],
  ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 860 } }],
  ['phone', { colorScheme: 'light', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }],
]) {
  const context = await browser.newContext({ ...opts, javaScriptEnabled });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[${name}] console error: ${m.text()}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  // A full-page capture does not scroll, so a lesson's text blocks far from the screen stay skipped
  // by content-visibility: auto (src/app/styles.css) and come out blank: draw them all first.
  if (fullPage) await page.addStyleTag({ content: '.prose > * { content-visibility: visible !important }' });
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage });
  await context.close();
}
await browser.close();
console.log(`${prefix}-{light,dark,phone}.png`);
