// expect: scheduled-for-deletion: threw the SDK's InvalidRequestException as it came
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

const client = new SecretsManagerClient({});

export async function readSecret(secretId: string): Promise<string | undefined> {
  try {
    const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (response.SecretBinary) return new TextDecoder().decode(response.SecretBinary);
    return response.SecretString;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return undefined;
    throw err;
  }
}
