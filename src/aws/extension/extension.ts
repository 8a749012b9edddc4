import type { RequestHost } from '../core/service';
import { handleAwsJson } from '../protocol/json';
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

/** An answer as the extension's HTTP server gives it. */
export interface ExtensionAnswer {
  status: number;
  body: string;
  contentType: 'application/json' | 'text/plain';
}

/** A query string parameter of the request, or null. */
export type Query = (name: string) => string | null;

function ttlSeconds(value: number | undefined, name: string): number {
  const ttl = value ?? 300;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 300)
    throw new RangeError(`${name} must be a whole number of seconds from 0 to 300 (got ${value})`);
  return ttl;
}

const text = (status: number, body: string): ExtensionAnswer => ({ status, body, contentType: 'text/plain' });

/**
 * The AWS Parameters and Secrets Lambda Extension: its token check, its cache and when it calls
 * AWS. One per emulator (`emulator.extension`), its cache expiry wired into the clock once by
 * `createEmulator`; `configure` sets the environment variables of the "Lambda function" it runs
 * beside (and starts with an empty cache, as a new container would).
 *
 * A cached answer is served without calling AWS; a miss calls the emulated API (logged like the
 * function's own calls) and caches a successful answer for the TTL. Each request to the extension
 * is logged as service `extension` with `cache: 'hit' | 'miss'`. A missing or wrong token is
 * 403 `Bad Token` (what AWS's open-source Secrets Manager Agent, which uses the same header, answers).
 */
export class LambdaExtension {
  readonly #host: RequestHost;
  readonly #cache: ExtensionCache;
  #token = DEFAULT_SESSION_TOKEN;
  #secretsTtlMs = 300_000;
  #ssmTtlMs = 300_000;
  #port = 2773;
  #region: string | undefined;
  #accountId: string | undefined;

  constructor(host: RequestHost) {
    this.#host = host;
    this.#cache = new ExtensionCache(host.clock, host.log, 1000);
  }

  /** Applies the function's settings (RangeError for an out-of-range TTL) and empties the cache. */
  configure(options: ExtensionOptions = {}): void {
    const secretsTtl = ttlSeconds(options.secretsManagerTtl, 'SECRETS_MANAGER_TTL') * 1000;
    const ssmTtl = ttlSeconds(options.ssmParameterStoreTtl, 'SSM_PARAMETER_STORE_TTL') * 1000;
    this.#secretsTtlMs = secretsTtl;
    this.#ssmTtlMs = ssmTtl;
    this.#token = options.sessionToken ?? DEFAULT_SESSION_TOKEN;
    this.#port = options.port ?? 2773;
    this.#region = options.region;
    this.#accountId = options.accountId;
    this.#cache.maxSize = Math.min(Math.max(options.cacheSize ?? 1000, 0), 1000);
    this.#cache.clear();
  }

  get origin(): string {
    return `http://localhost:${this.#port}`;
  }

  /** `GET /secretsmanager/get?secretId=…[&versionId=…][&versionStage=…]` → GetSecretValue's JSON. */
  getSecret(query: Query, token: string | null): Promise<ExtensionAnswer> {
    const secretId = query('secretId');
    if (!secretId) return Promise.resolve(text(400, 'missing required query parameter: secretId'));
    const input: Record<string, unknown> = { SecretId: secretId };
    if (query('versionId')) input.VersionId = query('versionId');
    if (query('versionStage')) input.VersionStage = query('versionStage');
    return this.#serve(token, 'GetSecretValue', 'secretsmanager.GetSecretValue', input, this.#secretsTtlMs);
  }

  /** `GET /systemsmanager/parameters/get?name=…[&version=…|&label=…][&withDecryption=true]` → GetParameter's JSON. */
  getParameter(query: Query, token: string | null): Promise<ExtensionAnswer> {
    const name = query('name');
    if (!name) return Promise.resolve(text(400, 'missing required query parameter: name'));
    const selector = query('version') ?? query('label');
    const input = { Name: selector ? `${name}:${selector}` : name, WithDecryption: query('withDecryption') === 'true' };
    return this.#serve(token, 'GetParameter', 'AmazonSSM.GetParameter', input, this.#ssmTtlMs);
  }

  /** The clock event source for cache expiry (added to the scheduler once, by createEmulator). */
  expirySource() {
    return this.#cache.source();
  }

  clear(): void {
    this.#cache.clear();
  }

  async #serve(
    token: string | null,
    operation: 'GetSecretValue' | 'GetParameter',
    target: string,
    input: Record<string, unknown>,
    ttlMs: number,
  ): Promise<ExtensionAnswer> {
    const host = this.#host;
    const record = (outcome: string, extra: Record<string, unknown> = {}, message?: string) =>
      host.log.record({
        time: host.clock.now(),
        service: 'extension',
        operation,
        params: { ...input, ...extra },
        outcome,
        message,
        source: 'request',
      });
    if (token !== this.#token) {
      record('Forbidden', {}, "X-Aws-Parameters-Secrets-Token is missing or is not the function's AWS_SESSION_TOKEN");
      return text(403, 'Bad Token');
    }
    const key = `${operation} ${JSON.stringify(input)}`;
    const cached = this.#cache.get(key);
    if (cached) {
      record('ok', { cache: 'hit' });
      return { ...cached, contentType: 'application/json' };
    }
    const answer = await handleAwsJson(host, {
      method: 'POST',
      target,
      body: JSON.stringify(input),
      region: this.#region ?? host.defaultRegion,
      accountId: this.#accountId ?? host.accountId,
    });
    if (answer.status === 200) this.#cache.set(key, answer, ttlMs);
    const error =
      answer.status === 200 ? undefined : (JSON.parse(answer.body) as { __type?: string; message?: string });
    record(error?.__type ?? 'ok', { cache: 'miss' }, error?.message);
    return { status: answer.status, body: answer.body, contentType: 'application/json' };
  }
}
