// expect: reads-as-role: the report job's own credentials
// Assumes the role, then reads with the client that signs with the job's own credentials.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const sm = new SecretsManagerClient({});

export async function readWarehouseLogin() {
  await sts.send(
    new AssumeRoleCommand({ RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN, RoleSessionName: 'nightly-report' }),
  );
  const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: process.env.WAREHOUSE_SECRET_ARN }));
  return JSON.parse(SecretString ?? '{}');
}
