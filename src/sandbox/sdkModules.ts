import { FetchHttpHandler } from '@smithy/fetch-http-handler';

/**
 * The real SDK packages, with what a browser lacks filled in: a region, dummy credentials (the
 * browser build has no credential chain) and a fetch handler whose `fetch` is the realm's own (the
 * learner realm's goes over the port to the grader; the checks' goes straight to the MSW handlers).
 * Learner-given config wins over these defaults.
 *
 * The learner realm's build has the three JSON-protocol packages in its one file; the STS client
 * (query protocol, XML) comes beside it and is evaluated only by code that imports it
 * (`LAZY_SDK_PACKAGES`, learner/learner.worker.ts). In Node and in the grader each loads when first
 * imported.
 */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'AKIASANDBOXEXAMPLE', secretAccessKey: 'sandbox-secret-key' };
export const SANDBOX_REGION = 'us-east-1';

/** The config every sandbox client starts from: the defaults above, sent through `fetchImpl`. */
export function sandboxClientConfig(fetchImpl: typeof fetch) {
  return {
    region: SANDBOX_REGION,
    credentials: SANDBOX_CREDENTIALS,
    requestHandler: new FetchHttpHandler({ customFetch: fetchImpl }),
  };
}

const loaders: { [P in SdkPackage]: () => Promise<SdkPackageModule<P>> } = {
  '@aws-sdk/client-secrets-manager': () => import('@aws-sdk/client-secrets-manager'),
  '@aws-sdk/client-ssm': () => import('@aws-sdk/client-ssm'),
  '@aws-sdk/client-kms': () => import('@aws-sdk/client-kms'),
  '@aws-sdk/client-sts': () => import('@aws-sdk/client-sts'),
};
const CLIENTS: Record<SdkPackage, string[]> = {
  '@aws-sdk/client-secrets-manager': ['SecretsManagerClient', 'SecretsManager'],
  '@aws-sdk/client-ssm': ['SSMClient', 'SSM'],
  '@aws-sdk/client-kms': ['KMSClient', 'KMS'],
  '@aws-sdk/client-sts': ['STSClient', 'STS'],
};
interface SdkPackageModules {
  '@aws-sdk/client-secrets-manager': typeof import('@aws-sdk/client-secrets-manager');
  '@aws-sdk/client-ssm': typeof import('@aws-sdk/client-ssm');
  '@aws-sdk/client-kms': typeof import('@aws-sdk/client-kms');
  '@aws-sdk/client-sts': typeof import('@aws-sdk/client-sts');
}
export type SdkPackage = keyof SdkPackageModules;
export type SdkPackageModule<P extends SdkPackage> = SdkPackageModules[P];

/** The SDK packages learner code may import. */
export const SDK_PACKAGES = Object.keys(CLIENTS) as SdkPackage[];

/**
 * Packages the learner runtime does not hold: its build gets them as separate files, evaluated
 * only when learner code imports one (the STS client would take the runtime over its size budget).
 */
export const LAZY_SDK_PACKAGES: readonly SdkPackage[] = ['@aws-sdk/client-sts'];

/**
 * Where a realm's build finds a lazy package: the learner worker gives the loader of the file its
 * page sent (before any learner code runs). Elsewhere the package is imported as published.
 */
export function provideSdkPackage(name: SdkPackage, load: () => Promise<unknown>): void {
  loading.delete(name);
  (loaders as Record<SdkPackage, () => Promise<unknown>>)[name] = load;
}

export function isSdkPackage(name: string): name is SdkPackage {
  return Object.hasOwn(CLIENTS, name);
}

const loading = new Map<SdkPackage, Promise<unknown>>();
/** A package as published, loaded once per realm (or Node process). */
export function loadSdkPackage<P extends SdkPackage>(name: P): Promise<SdkPackageModule<P>> {
  let p = loading.get(name);
  if (!p) {
    p = loaders[name]();
    loading.set(name, p);
  }
  return p as Promise<SdkPackageModule<P>>;
}

/** A package as learner code gets it: its clients start from the sandbox defaults, sent through `fetchImpl`. */
export async function sandboxSdkPackage<P extends SdkPackage>(name: P, fetchImpl: typeof fetch): Promise<object> {
  const pkg = (await loadSdkPackage(name)) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...pkg };
  for (const className of CLIENTS[name]) {
    const Base = pkg[className] as new (config?: object) => object;
    out[className] = class extends Base {
      constructor(config: object = {}) {
        super({ ...sandboxClientConfig(fetchImpl), ...config });
      }
    };
    Object.defineProperty(out[className] as object, 'name', { value: className });
  }
  return out;
}

/** The packages a transpiled module requires (import declarations and `import()` both become `require`). */
export function requiredSdkPackages(js: string): SdkPackage[] {
  const names = new Set<SdkPackage>();
  for (const m of js.matchAll(/\brequire\(\s*(['"])([^'"]+)\1\s*\)/g)) if (m[2] && isSdkPackage(m[2])) names.add(m[2]);
  return [...names];
}
