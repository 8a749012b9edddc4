import { BatchGetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});
// The trailing slash matters: the name filter matches a prefix.
const PREFIX = 'pettracker/prod/api/';

export async function loadSecrets(): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  const failed: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sm.send(
      new BatchGetSecretValueCommand({
        Filters: [{ Key: 'name', Values: [PREFIX] }],
        NextToken: nextToken,
      }),
    );
    for (const s of page.SecretValues ?? []) {
      if (s.Name !== undefined && s.SecretString !== undefined) secrets.set(s.Name, s.SecretString);
    }
    // The call succeeds even when some secrets can't be read: they are listed here instead.
    for (const e of page.Errors ?? []) failed.push(`${e.SecretId}: ${e.ErrorCode}`);
    nextToken = page.NextToken;
  } while (nextToken);
  if (failed.length > 0) {
    throw new Error(`Could not read ${failed.length} secret(s): ${failed.join('; ')}`);
  }
  return secrets;
}

const secrets = await loadSecrets();
// Names only: the values never go to the logs.
console.log(`loaded ${secrets.size} secrets:`, [...secrets.keys()].join(', '));
