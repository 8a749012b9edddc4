/** The first AWS CLI that reports `aws-cli/2.` (AWS_CLI, PATH aws, /usr/bin/aws, /usr/local/bin/aws). */
export function findAwsCliV2(): { path: string; version: string } | undefined;
