import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

/** Every parameter under /pettracker/<environment>/, at every depth, decrypted, keyed by full name. */
export async function loadEnvironment(environment = process.env.ENVIRONMENT ?? 'dev'): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const page = await ssm.send(
      new GetParametersByPathCommand({
        Path: `/pettracker/${environment}/`,
        Recursive: true,
        WithDecryption: true,
        MaxResults: 10,
        NextToken: nextToken,
      }),
    );
    for (const p of page.Parameters ?? []) {
      if (p.Name !== undefined && p.Value !== undefined) values.set(p.Name, p.Value);
    }
    // A page may be empty and still not be the last: loop on the token, not on the page size.
    nextToken = page.NextToken;
  } while (nextToken);
  return values;
}

const config = await loadEnvironment();
console.log(config.size, 'parameters:', [...config.keys()].join(', '));
