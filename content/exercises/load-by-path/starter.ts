import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

export async function loadEnvironment(environment = process.env.ENVIRONMENT ?? 'dev'): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  // TODO 1: this reads only the first page. Repeat the request with the response's NextToken.
  // TODO 2: include the nested /pettracker/<environment>/db/... parameters.
  // TODO 3: SecureString values must come back as plain text.
  const page = await ssm.send(new GetParametersByPathCommand({ Path: `/pettracker/${environment}/` }));
  for (const p of page.Parameters ?? []) {
    if (p.Name !== undefined && p.Value !== undefined) values.set(p.Name, p.Value);
  }
  return values;
}

const config = await loadEnvironment();
console.log(config.size, 'parameters:', [...config.keys()].join(', '));
