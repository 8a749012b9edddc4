// Finds the Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';

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
