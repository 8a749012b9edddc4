import type { HashConstructor } from '@smithy/types';
import { CallLog } from '../core/callLog';
import { SimClock } from '../core/clock';
import { SeededRandom } from '../core/random';
import type { RotationHooks } from '../core/service';
import { DatabaseRegistry } from '../db/registry';
import { type ExtensionOptions, LambdaExtension } from '../extension/extension';
import type { Principal } from '../policy';
import { NobleSha256 } from '../protocol/sha256';
import { runRotation } from '../rotation/engine';
import { LambdaRegistry, lambdaArn } from '../rotation/lambdaRegistry';
import { rotationSource } from '../rotation/scheduledRotations';
import { registerRotationTemplates, registerTemplate } from '../rotation/templates/register';
import { Scheduler } from '../scheduler/scheduler';
import { deletionSource, parameterPolicySource } from '../scheduler/stateSources';
import { WorkQueue } from '../scheduler/workQueue';
import { services } from '../services';
import { AccountStore } from './accounts';
import { Emulator } from './emulator';
import { type Preset, prepare } from './presets';

export interface EmulatorOptions {
  /** The account every request acts in unless the caller names another (default 123456789012). */
  accountId?: string;
  /** Region used when a request does not say (default us-east-1). */
  defaultRegion?: string;
  /** Seed of the random source: the same seed gives the same ids, ARNs and passwords. */
  seed?: number;
  /** Start of simulated time, epoch ms (default 2026-01-01T00:00:00Z). */
  startTime?: number;
  /**
   * Register the built-in rotation templates (SecretsManagerRDSPostgreSQLRotationSingleUser, ...)
   * as Lambda functions in this account and default region (default true). See src/aws/rotation/.
   */
  rotationTemplates?: boolean;
  /** What a fresh emulator holds (default `empty`; the local endpoint uses `pettracker`). See ./presets.ts. */
  preset?: Preset;
  /** The Lambda extension's settings (its environment variables); `emulator.extension.configure` changes them. */
  extension?: ExtensionOptions;
  /** Where unexpected errors (bugs) are reported besides the call log (default console.error). */
  onInternalError?: (where: string, error: unknown) => void;
  /**
   * Requests signed with keys the emulator did not issue (or not signed): `admin` (default) runs them
   * as the account's administrator; `strict` refuses them (UnrecognizedClientException /
   * InvalidClientTokenId), so only IAM users and role sessions get in.
   */
  iam?: 'admin' | 'strict';
  /** SHA-256 for verifying signatures (default: @noble/hashes; the endpoint passes Node's native one). */
  sha256?: HashConstructor;
}

/**
 * The emulator's composition root: the one place that builds the parts and wires the simulations
 * into them. Everything else receives only what it uses, as typed fields:
 * - the account store (state and request contexts) gets the rotation hooks every context carries;
 * - the rotation engine gets the store and the Lambda registry; the clock's event sources (scheduled
 *   rotations, recovery windows, parameter policies, the extension's cache expiry) are added to the
 *   scheduler here, once;
 * - background work failures are reported in the call log and to `onInternalError`;
 * - the built-in rotation templates are registered once, for the account and default region;
 * - the preset is applied now and again after every `reset()`.
 */
/** The rotation function the seed's tutorial names (the PostgreSQL single-user template, in the pettracker preset). */
export const SEED_ROTATION_FUNCTION = 'SecretsManagerRotation';

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const accountId = options.accountId ?? '123456789012';
  const defaultRegion = options.defaultRegion ?? 'us-east-1';
  const onInternalError =
    options.onInternalError ?? ((where, error) => console.error(`[emulator] ${where} failed unexpectedly:`, error));
  const clock = new SimClock(options.startTime);
  const random = new SeededRandom(options.seed);
  const log = new CallLog();
  const lambdas = new LambdaRegistry();
  const scheduler = new Scheduler();
  const work = new WorkQueue((error) => accounts.reportInternalError('background job', error));
  const principal: { current: Principal | undefined } = { current: undefined };

  const rotation: RotationHooks = {
    request: ({ accountId: account, region, name, token }) =>
      work.enqueue(async () => {
        await runRotation(rotationDeps, { accountId: account, region, name }, token, 'RotateSecret');
      }),
    canInvoke: (arn) => lambdas.has(arn),
  };
  const accounts = new AccountStore({
    accountId,
    defaultRegion,
    clock,
    random,
    log,
    services,
    principal: () => principal.current,
    rotation,
    onInternalError,
  });
  const rotationDeps = { host: accounts, lambdas };
  const databases = new DatabaseRegistry(clock, log);
  const extension = new LambdaExtension(accounts);
  extension.configure(options.extension);

  // Events due at the same time run in this order: rotations, deletions, policies, cache expiry.
  scheduler.add(rotationSource(rotationDeps));
  scheduler.add(deletionSource(accounts));
  scheduler.add(parameterPolicySource(accounts));
  scheduler.add(extension.expirySource());

  const preset = options.preset ?? 'empty';
  const templateDeps = { host: accounts, databases };
  if (options.rotationTemplates ?? true) {
    registerRotationTemplates(lambdas, templateDeps, { accountId, region: defaultRegion });
    // The seed's own `arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRotation`.
    if (preset === 'pettracker') {
      const arn = lambdaArn(defaultRegion, accountId, SEED_ROTATION_FUNCTION);
      registerTemplate(lambdas, templateDeps, arn, 'SecretsManagerRDSPostgreSQLRotationSingleUser');
    }
  }

  const emulator = new Emulator({
    seed: options.seed,
    iamMode: options.iam ?? 'admin',
    sha256: options.sha256 ?? NobleSha256,
    startTime: options.startTime,
    clock,
    random,
    log,
    accounts,
    lambdas,
    scheduler,
    work,
    databases,
    extension,
    principal,
    prepare: () => prepare(preset, options.iam === 'strict', accounts, databases),
  });
  return emulator;
}
