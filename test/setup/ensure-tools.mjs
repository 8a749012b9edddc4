// `npm run test:setup`: installs what the tests need beyond npm, when it is missing:
// Debian's chromium (browser tests), and the AWS CLI and boto3 (the emulator is tested with both).
// `--check` only checks and fails at once with instructions: no test ever skips silently.
import { execSync } from 'node:child_process';
import { findChromium, HOW_TO_INSTALL } from '../browser/chromiumPath.mjs';
import { findAwsCliV2 } from './findAwsCliV2.mjs';

const checkOnly = process.argv.includes('--check');
const has = (cmd) => {
  try {
    execSync(cmd, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const tools = [
  { name: 'Chromium', ok: () => Boolean(findChromium()), apt: 'chromium', help: HOW_TO_INSTALL },
  {
    // Version 2, found as test/emulator/awsCli.ts finds it; Debian's `awscli` is 2.x.
    name: 'AWS CLI v2',
    ok: () => Boolean(findAwsCliV2()),
    apt: 'awscli',
    help: 'Install the AWS CLI v2: apt-get install -y awscli (Debian 12 and later ship 2.x), or AWS_CLI=/path/to/aws.',
  },
  {
    name: 'boto3',
    ok: () => has('python3 -c "import boto3"'),
    apt: 'python3-boto3',
    help: 'Install boto3: apt-get install -y python3-boto3 (or pip install boto3).',
  },
];
const only = process.argv.includes('--browser') ? tools.slice(0, 1) : tools;
const missing = only.filter((t) => !t.ok());
if (missing.length && !checkOnly) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const packages = missing.map((t) => t.apt).join(' ');
  console.log(`Installing for the tests: ${sudo}apt-get install -y ${packages}`);
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  } catch {
    /* reported below */
  }
}
const still = only.filter((t) => !t.ok());
for (const t of still) console.error(t.help);
if (still.length) process.exit(1);
console.log(`Test tools present: ${only.map((t) => t.name).join(', ')}`);
