// expect: returns-map: returned an array
import { paginateGetParametersByPath, SSMClient } from '@aws-sdk/client-ssm';

const ssm = new SSMClient({});

// Right requests, wrong shape: the SDK's Parameter objects instead of name → value.
export async function loadEnvironment(environment = process.env.ENVIRONMENT ?? 'dev') {
  const all = [];
  for await (const page of paginateGetParametersByPath(
    { client: ssm },
    { Path: `/pettracker/${environment}/`, Recursive: true, WithDecryption: true },
  )) {
    all.push(...(page.Parameters ?? []));
  }
  return all;
}
