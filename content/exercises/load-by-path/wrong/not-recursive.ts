// expect: recursive: Recursive: true
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

// Pages correctly, but only the direct children of the path.
export async function loadEnvironment(environment = process.env.ENVIRONMENT ?? 'dev') {
  const values = new Map<string, string>();
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(
      new GetParametersByPathCommand({ Path: `/pettracker/${environment}/`, WithDecryption: true, NextToken }),
    );
    for (const p of page.Parameters ?? []) values.set(p.Name ?? '', p.Value ?? '');
    NextToken = page.NextToken;
  } while (NextToken);
  return values;
}
