import { findAwsCliV2 } from '../setup/findAwsCliV2.mjs';

/**
 * The AWS CLI v2 the emulator's IAM/STS and tutorial tests run (issue 14 names v2: it signs, pages and
 * parses differently from 1.x); found as `npm run test:setup` finds it (test/setup/findAwsCliV2.mjs).
 * No test skips: without a 2.x CLI the tests fail and say how to install one.
 */
export const AWS_CLI_V2 = findAwsCliV2();

/** The CLI v2's path; throws with the fix when there is none (the tests then fail, they do not skip). */
export function awsCliV2(): string {
  if (!AWS_CLI_V2)
    throw new Error(
      'No AWS CLI v2 found (tried AWS_CLI, PATH aws, /usr/bin/aws): run `npm run test:setup` (apt-get install awscli).',
    );
  return AWS_CLI_V2.path;
}
