// Finds an AWS CLI v2 (issue 14's emulator tests name v2): `AWS_CLI`, then `aws` on PATH, then the
// usual install places. Machines often have pip's aws-cli 1.x first on PATH and Debian's 2.x in
// /usr/bin. Used by `npm run test:setup` (installs Debian's awscli when none is found) and by
// test/emulator/awsCli.ts.
import { execFileSync } from 'node:child_process';

const CANDIDATES = [process.env.AWS_CLI, 'aws', '/usr/bin/aws', '/usr/local/bin/aws'].filter(Boolean);

/** @returns {{ path: string, version: string } | undefined} the first candidate that reports `aws-cli/2.` */
export function findAwsCliV2() {
  for (const path of CANDIDATES) {
    try {
      const version = execFileSync(path, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (version.startsWith('aws-cli/2.')) return { path, version };
    } catch {
      /* not there, or not runnable: try the next */
    }
  }
  return undefined;
}
