// expect: full-arn: a name is looked up in the caller's own account
// Reads as the assumed role, but names the secret as if it were in PetTracker's own account.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export async function readWarehouseLogin() {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN, RoleSessionName: 'nightly-report' }),
  );
  const reader = new SecretsManagerClient({
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken,
    },
  });
  const { SecretString } = await reader.send(new GetSecretValueCommand({ SecretId: 'analytics/prod/warehouse' }));
  return JSON.parse(SecretString ?? '{}');
}
