// expect: follows-next-token: carries a NextToken when there are more
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

// Recursive and decrypted, but stops after the first page of 10.
export async function loadEnvironment(environment = process.env.ENVIRONMENT ?? 'dev') {
  const page = await ssm.send(
    new GetParametersByPathCommand({ Path: `/pettracker/${environment}/`, Recursive: true, WithDecryption: true }),
  );
  return new Map((page.Parameters ?? []).map((p) => [p.Name ?? '', p.Value ?? '']));
}
