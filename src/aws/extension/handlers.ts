import { http, type RequestHandler } from 'msw';
import type { Emulator } from '../emulator';
import { handleAwsJson } from '../protocol';
import { ExtensionCache } from './cache';

export interface ExtensionOptions {
  /** The value `X-Aws-Parameters-Secrets-Token` must carry: the function's AWS_SESSION_TOKEN (the sandbox's by default). */
  sessionToken?: string;
  /** SECRETS_MANAGER_TTL in seconds: 0–300, default 300; 0 turns the cache off for secrets. */
  secretsManagerTtl?: number;
  /** SSM_PARAMETER_STORE_TTL in seconds: 0–300, default 300; 0 turns the cache off for parameters. */
  ssmParameterStoreTtl?: number;
  /** PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE: 0–1000 entries, default 1000. */
  cacheSize?: number;
  /** PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, default 2773. */
  port?: number;
  /** The function's region and account (the emulator's defaults). */
  region?: string;
  accountId?: string;
}

export const DEFAULT_SESSION_TOKEN = 'sandbox-session-token';
const TOKEN_HEADER = 'x-aws-parameters-secrets-token';

function ttlSeconds(value: number | undefined, name: string): number {
  const ttl = value ?? 300;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 300)
    throw new RangeError(`${name} must be a whole number of seconds from 0 to 300 (got ${value})`);
  return ttl;
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain' } });

/**
 * The AWS Parameters and Secrets Lambda Extension as MSW handlers for `http://localhost:2773`:
 * - `GET /secretsmanager/get?secretId=…[&versionId=…][&versionStage=…]` → GetSecretValue's JSON;
 * - `GET /systemsmanager/parameters/get?name=…[&version=…|&label=…][&withDecryption=true]` → GetParameter's JSON.
 * Every request needs `X-Aws-Parameters-Secrets-Token` equal to the session token; without it the
 * answer is 403 `Bad Token` (what AWS's open-source Secrets Manager Agent, which uses the same
 * header, answers). A cached answer is served without calling AWS; a miss calls the emulated API
 * (logged like the function's own calls) and caches a successful answer for the TTL. Each request
 * to the extension is logged as service `extension` with `cache: 'hit' | 'miss'`.
 */
export function createExtensionHandlers(emulator: Emulator, options: ExtensionOptions = {}): RequestHandler[] {
  const secretsTtl = ttlSeconds(options.secretsManagerTtl, 'SECRETS_MANAGER_TTL') * 1000;
  const ssmTtl = ttlSeconds(options.ssmParameterStoreTtl, 'SSM_PARAMETER_STORE_TTL') * 1000;
  const token = options.sessionToken ?? DEFAULT_SESSION_TOKEN;
  const cache = new ExtensionCache(emulator, Math.min(Math.max(options.cacheSize ?? 1000, 0), 1000));
  emulator.scheduler.add(cache.source());
  const origin = `http://localhost:${options.port ?? 2773}`;

  const serve = async (
    request: Request,
    what: { operation: 'GetSecretValue' | 'GetParameter'; target: string; input: Record<string, unknown>; ttl: number },
  ) => {
    const params = { ...what.input } as Record<string, unknown>;
    const record = (outcome: string, extra: Record<string, unknown> = {}, message?: string) =>
      emulator.log.record({
        time: emulator.clock.now(),
        service: 'extension',
        operation: what.operation,
        params: { ...params, ...extra },
        outcome,
        message,
        source: 'request',
      });
    if (request.headers.get(TOKEN_HEADER) !== token) {
      record('Forbidden', {}, "X-Aws-Parameters-Secrets-Token is missing or is not the function's AWS_SESSION_TOKEN");
      return text(403, 'Bad Token');
    }
    const key = `${what.operation} ${JSON.stringify(what.input)}`;
    const cached = cache.get(key);
    if (cached) {
      record('ok', { cache: 'hit' });
      return new Response(cached.body, { status: cached.status, headers: { 'content-type': 'application/json' } });
    }
    const answer = await handleAwsJson(emulator, {
      method: 'POST',
      target: what.target,
      body: JSON.stringify(what.input),
      region: options.region ?? emulator.defaultRegion,
      accountId: options.accountId ?? emulator.accountId,
    });
    if (answer.status === 200) cache.set(key, answer, what.ttl);
    const error =
      answer.status === 200 ? undefined : (JSON.parse(answer.body) as { __type?: string; message?: string });
    record(error?.__type ?? 'ok', { cache: 'miss' }, error?.message);
    return new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };

  const secret = async ({ request }: { request: Request }) => {
    const q = new URL(request.url).searchParams;
    const secretId = q.get('secretId');
    if (!secretId) return text(400, 'missing required query parameter: secretId');
    const input: Record<string, unknown> = { SecretId: secretId };
    if (q.get('versionId')) input.VersionId = q.get('versionId');
    if (q.get('versionStage')) input.VersionStage = q.get('versionStage');
    return serve(request, {
      operation: 'GetSecretValue',
      target: 'secretsmanager.GetSecretValue',
      input,
      ttl: secretsTtl,
    });
  };

  const parameter = async ({ request }: { request: Request }) => {
    const q = new URL(request.url).searchParams;
    const name = q.get('name');
    if (!name) return text(400, 'missing required query parameter: name');
    const selector = q.get('version') ?? q.get('label');
    const input = { Name: selector ? `${name}:${selector}` : name, WithDecryption: q.get('withDecryption') === 'true' };
    return serve(request, { operation: 'GetParameter', target: 'AmazonSSM.GetParameter', input, ttl: ssmTtl });
  };

  return [
    http.get(`${origin}/secretsmanager/get`, secret),
    http.get(`${origin}/systemsmanager/parameters/get`, parameter),
    http.get(`${origin}/systemsmanager/parameters/get/`, parameter),
    http.all(`${origin}/*`, () => text(404, 'Not found')),
  ];
}
