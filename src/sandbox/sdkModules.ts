import * as kms from '@aws-sdk/client-kms';
import * as secretsManager from '@aws-sdk/client-secrets-manager';
import * as ssm from '@aws-sdk/client-ssm';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';

/**
 * The real SDK packages, with what a browser lacks filled in: a region, dummy credentials (the
 * browser build has no credential chain) and the fetch handler in every environment, so a call
 * always goes out through `fetch`, where the sandbox's MSW handlers answer it. Learner-given
 * config wins over these defaults.
 */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'AKIASANDBOXEXAMPLE', secretAccessKey: 'sandbox-secret-key' };
export const SANDBOX_REGION = 'us-east-1';

/** The config every sandbox client starts from: the defaults above, always sent through `fetch`. */
export function sandboxClientConfig() {
  return { region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS, requestHandler: new FetchHttpHandler() };
}

function withDefaults<T extends Record<string, unknown>>(pkg: T, classes: string[]): T {
  const out: Record<string, unknown> = { ...pkg };
  for (const name of classes) {
    const Base = pkg[name] as new (config?: object) => object;
    out[name] = class extends Base {
      constructor(config: object = {}) {
        super({ ...sandboxClientConfig(), ...config });
      }
    };
    Object.defineProperty(out[name] as object, 'name', { value: name });
  }
  return out as T;
}

export const sdkModules: Record<string, unknown> = {
  '@aws-sdk/client-secrets-manager': withDefaults(secretsManager, ['SecretsManagerClient', 'SecretsManager']),
  '@aws-sdk/client-ssm': withDefaults(ssm, ['SSMClient', 'SSM']),
  '@aws-sdk/client-kms': withDefaults(kms, ['KMSClient', 'KMS']),
};
