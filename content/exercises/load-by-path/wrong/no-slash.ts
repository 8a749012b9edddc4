// expect: own-branch-only: /pettracker/development/api-url
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

// Reads the whole /pettracker tree, then filters by a prefix without the trailing slash.
export async function loadEnvironment(environment = process.env.ENVIRONMENT ?? 'dev') {
  const values = new Map<string, string>();
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(
      new GetParametersByPathCommand({ Path: '/pettracker', Recursive: true, WithDecryption: true, NextToken }),
    );
    for (const p of page.Parameters ?? []) {
      if (p.Name?.startsWith(`/pettracker/${environment}`)) values.set(p.Name, p.Value ?? '');
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return values;
}
