import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});

// The integrations the API talks to: one GetSecretValue each, and a list to keep up to date.
const SERVICES = ['email', 'maps', 'payments', 'push', 'sms'];

export async function loadSecrets(): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  // TODO: BatchGetSecretValue (up to 20 secrets a page) with a name filter on the prefix
  //       'pettracker/prod/api/', following NextToken; throw if a response lists Errors.
  for (const service of SERVICES) {
    const name = `pettracker/prod/api/${service}-key`;
    const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: name }));
    if (SecretString !== undefined) secrets.set(name, SecretString);
  }
  return secrets;
}

const secrets = await loadSecrets();
console.log(`loaded ${secrets.size} secrets:`, [...secrets.keys()].join(', '));
