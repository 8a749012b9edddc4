import { execFileSync } from 'node:child_process';

/**
 * The AWS CLI v2 the emulator's IAM/STS and tutorial tests run (issue 14 names v2: it signs, pages and
 * parses differently from 1.x). Machines often have both: pip's aws-cli 1.x first on PATH and Debian's
 * 2.x in /usr/bin (`npm run test:setup` installs Debian's `awscli` when no 2.x is found). `AWS_CLI`
 * picks another binary. No test skips: without a 2.x CLI the tests fail and say how to install one.
 */
const CANDIDATES = [process.env.AWS_CLI, 'aws', '/usr/bin/aws', '/usr/local/bin/aws'].filter((c): c is string =>
  Boolean(c),
);

function versionOf(cli: string): string | undefined {
  try {
    return execFileSync(cli, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

/** The first candidate that reports `aws-cli/2.`, with its version line. */
export function findAwsCliV2(): { path: string; version: string } | undefined {
  for (const path of CANDIDATES) {
    const version = versionOf(path);
    if (version?.startsWith('aws-cli/2.')) return { path, version };
  }
  return undefined;
}

export const AWS_CLI_V2 = findAwsCliV2();

/** The CLI v2's path; throws with the fix when there is none (the tests then fail, they do not skip). */
export function awsCliV2(): string {
  if (!AWS_CLI_V2)
    throw new Error(
      'No AWS CLI v2 found (tried PATH aws, /usr/bin/aws): run `npm run test:setup` (apt-get install awscli).',
    );
  return AWS_CLI_V2.path;
}
