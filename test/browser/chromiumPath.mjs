// Finds and launches the Chromium the browser tests, the bench and the screenshot tool drive:
// $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p));
}

export const HOW_TO_INSTALL =
  'No Chromium found for the browser tests (looked at: ' +
  CANDIDATES.join(', ') +
  ').\nInstall it with:  apt-get install -y chromium   (Debian/Ubuntu, as root)\n' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary. `npm run test:setup` installs it for you.';

/** The flags that work as root on these machines (see NOTES.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with those flags, or a clear message saying how to install it. */
export function launchChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
