import { FetchHttpHandler } from '@smithy/fetch-http-handler';

/**
 * The real SDK packages, with what a browser lacks filled in: a region, dummy credentials (the
 * browser build has no credential chain) and the fetch handler in every environment, so a call
 * always goes out through `fetch`, where the sandbox's MSW handlers answer it. Learner-given
 * config wins over these defaults.
 *
 * Each package loads when a run first imports it (a separate chunk in the worker's build): exercise
 * 1 needs only Secrets Manager, so a learner's first run does not wait for SSM and KMS to load.
 */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'AKIASANDBOXEXAMPLE', secretAccessKey: 'sandbox-secret-key' };
export const SANDBOX_REGION = 'us-east-1';

/** The config every sandbox client starts from: the defaults above, always sent through `fetch`. */
export function sandboxClientConfig() {
  return { region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS, requestHandler: new FetchHttpHandler() };
}

function withDefaults<T extends object>(pkg: T, classes: string[]): T {
  const out: Record<string, unknown> = { ...(pkg as Record<string, unknown>) };
  for (const name of classes) {
    const Base = (pkg as Record<string, unknown>)[name] as new (config?: object) => object;
    out[name] = class extends Base {
      constructor(config: object = {}) {
        super({ ...sandboxClientConfig(), ...config });
      }
    };
    Object.defineProperty(out[name] as object, 'name', { value: name });
  }
  return out as T;
}

const loaders = {
  '@aws-sdk/client-secrets-manager': () =>
    import('@aws-sdk/client-secrets-manager').then((m) => withDefaults(m, ['SecretsManagerClient', 'SecretsManager'])),
  '@aws-sdk/client-ssm': () => import('@aws-sdk/client-ssm').then((m) => withDefaults(m, ['SSMClient', 'SSM'])),
  '@aws-sdk/client-kms': () => import('@aws-sdk/client-kms').then((m) => withDefaults(m, ['KMSClient', 'KMS'])),
};
export type SdkPackage = keyof typeof loaders;
/** A package as learner code and the checks get it. */
export type SdkPackageModule<P extends SdkPackage> = Awaited<ReturnType<(typeof loaders)[P]>>;

/** The SDK packages learner code may import. */
export const SDK_PACKAGES = Object.keys(loaders) as SdkPackage[];

export function isSdkPackage(name: string): name is SdkPackage {
  return Object.hasOwn(loaders, name);
}

const loading = new Map<SdkPackage, Promise<unknown>>();
/** A package with the sandbox's defaults, loaded once per worker (or Node process). */
export function loadSdkPackage<P extends SdkPackage>(name: P): Promise<SdkPackageModule<P>> {
  let p = loading.get(name);
  if (!p) {
    p = loaders[name]();
    loading.set(name, p);
  }
  return p as Promise<SdkPackageModule<P>>;
}

/** The packages a transpiled module requires (import declarations and `import()` both become `require`). */
export function requiredSdkPackages(js: string): SdkPackage[] {
  const names = new Set<SdkPackage>();
  for (const m of js.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)) if (m[2] && isSdkPackage(m[2])) names.add(m[2]);
  return [...names];
}
