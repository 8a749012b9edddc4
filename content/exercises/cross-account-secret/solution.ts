import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

interface WarehouseLogin {
  host: string;
  port: number;
  username: string;
  password: string;
}

// Signs with the report job's own credentials (its execution role).
const sts = new STSClient({});

export async function readWarehouseLogin(): Promise<WarehouseLogin> {
  // 1. The role the analytics account trusts: temporary credentials for 15 minutes.
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: process.env.WAREHOUSE_READER_ROLE_ARN,
      RoleSessionName: 'nightly-report',
      DurationSeconds: 900,
    }),
  );
  const { AccessKeyId, SecretAccessKey, SessionToken } = Credentials ?? {};
  if (!AccessKeyId || !SecretAccessKey || !SessionToken)
    throw new Error('AssumeRole returned no credentials');

  // 2. A client that signs as the assumed role: all three parts of the credentials.
  const reader = new SecretsManagerClient({
    credentials: {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
    },
  });
  try {
    // 3. Another account's secret: only its full ARN finds it (a name means our own).
    const { SecretString } = await reader.send(
      new GetSecretValueCommand({ SecretId: process.env.WAREHOUSE_SECRET_ARN }),
    );
    if (SecretString === undefined) throw new Error('The warehouse secret has no value');
    return JSON.parse(SecretString) as WarehouseLogin;
  } finally {
    reader.destroy();
  }
}
