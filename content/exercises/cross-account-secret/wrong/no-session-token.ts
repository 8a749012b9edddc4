// expect: reads-as-role: pass sessionToken: Credentials.SessionToken
// Copies the access key id and secret access key of the temporary credentials, and not the session token.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export async function readWarehouseLogin() {
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN, RoleSessionName: 'nightly-report' }),
  );
  const reader = new SecretsManagerClient({
    credentials: { accessKeyId: Credentials?.AccessKeyId ?? '', secretAccessKey: Credentials?.SecretAccessKey ?? '' },
  });
  const { SecretString } = await reader.send(new GetSecretValueCommand({ SecretId: process.env.WAREHOUSE_SECRET_ARN }));
  return JSON.parse(SecretString ?? '{}');
}
