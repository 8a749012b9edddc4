// `npm run test:setup`: installs what the browser tests need when it is missing (Debian's chromium).
// `--check` only checks, and fails at once with instructions: the browser tests never skip silently.
import { execSync } from 'node:child_process';
import { findChromium, HOW_TO_INSTALL } from './chromiumPath.mjs';

const checkOnly = process.argv.includes('--check');
let found = findChromium();
if (!found && !checkOnly) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`Installing Chromium for the browser tests: ${sudo}apt-get install -y chromium`);
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, { stdio: 'inherit' });
  } catch {
    /* reported below */
  }
  found = findChromium();
}
if (!found) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}
console.log(`Chromium: ${found}`);
