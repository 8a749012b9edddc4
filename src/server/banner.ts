import type { EmulatorServer } from './startEmulatorServer';

/** What `npm run emulator` prints once it listens: where, what it preloaded, how to call it. */
export function banner(
  server: EmulatorServer,
  options: { account: string; statePath: string | undefined; iam: 'admin' | 'strict' },
): string {
  const url = server.url;
  const { emulator } = server;
  const loaded = emulator.preloaded.length
    ? `Preloaded (the world the lessons assume; --empty for a bare account):\n${emulator.preloaded.map((l) => `  ${l}`).join('\n')}\n`
    : '';
  const functions = emulator.lambdas.list();
  const lambdas = functions.length ? `Rotation functions:\n${functions.map((f) => `  ${f.arn}`).join('\n')}\n` : '';
  const keys =
    options.iam === 'strict' && emulator.adminCredentials
      ? `export AWS_ACCESS_KEY_ID=${emulator.adminCredentials.accessKeyId} AWS_SECRET_ACCESS_KEY=${emulator.adminCredentials.secretAccessKey} AWS_DEFAULT_REGION=us-east-1`
      : 'export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1';
  const iamNote =
    options.iam === 'strict'
      ? 'IAM: strict. Only keys the emulator issued are accepted (the admin user above is the way in).'
      : 'IAM: keys the emulator did not issue (test/test) act as the account root; keys from\n  `aws iam create-access-key` are verified (SigV4) and their policies decide (--iam strict refuses the rest).';
  return `
Secrets Lab AWS emulator listening on ${url} (account ${options.account}; Secrets Manager, SSM Parameter Store, KMS, IAM, STS)
${options.statePath ? `State file: ${options.statePath}\n` : ''}${loaded}${lambdas}${iamNote}

AWS CLI:
  ${keys}
  aws --endpoint-url ${url} secretsmanager list-secrets

boto3:
  boto3.client('secretsmanager', endpoint_url='${url}', region_name='us-east-1')

AWS SDK for JavaScript v3:
  new SecretsManagerClient({ endpoint: '${url}', region: 'us-east-1' })

Each call is logged below. Ctrl+C stops.
`;
}
