import type { CallLogEntry } from '../core/callLog';
import { own } from '../core/dict';
import { randomUuid } from '../core/random';
import type { OperationContext, RequestHost } from '../core/service';
import { nextRotationDate } from '../scheduler/rotationSchedule';
import { startPendingVersion } from '../secretsmanager/pendingVersion';
import { syncReplicas } from '../secretsmanager/replication';
import { AWSCURRENT, versionById } from '../secretsmanager/stages';
import { type SecretRecord, type SecretsManagerState, secretDueChanged } from '../secretsmanager/state';
import { type LambdaRegistry, ROTATION_STEPS } from './lambdaRegistry';

/** What running a rotation needs: a context for the secret's account and region, and the functions. */
export interface RotationDeps {
  host: RequestHost;
  lambdas: LambdaRegistry;
}

export interface RotationTarget {
  accountId: string;
  region: string;
  /** The secret's name (state is keyed by name). */
  name: string;
}

/** What started a rotation: RotateSecret, the schedule, or a retry of an unfinished one. */
export type RotationTrigger = 'RotateSecret' | 'schedule' | 'reattempt';

function secretOf(ctx: OperationContext, name: string): SecretRecord | undefined {
  const secret = own(ctx.state<SecretsManagerState>('secretsmanager').secrets, name);
  return secret && secret.DeletedDate === undefined ? secret : undefined;
}

function event(
  ctx: OperationContext,
  entry: Pick<CallLogEntry, 'service' | 'operation' | 'params' | 'outcome' | 'message'>,
) {
  ctx.log.record({ time: ctx.clock.now(), region: ctx.region, source: 'event', ...entry });
}

/**
 * Runs one rotation of a secret the way Secrets Manager drives a rotation function:
 * 1. the AWSPENDING version `token` exists (created empty when missing; kept when resuming);
 * 2. the function is invoked four times, `{ Step, SecretId: <ARN>, ClientRequestToken, RotationToken }`,
 *    createSecret → setSecret → testSecret → finishSecret, each awaited;
 * 3. a step that throws stops the rotation: AWSPENDING stays where it is, and the error is kept in
 *    `rotation.LastError` (the inspector shows it) and logged as a `RotationFailed` event;
 * 4. the rotation succeeded only if `token` is now AWSCURRENT: then LastRotatedDate is set.
 * Either way the next scheduled rotation is computed from now. Returns whether it succeeded.
 * Every step is logged as a `lambda Invoke` event; the function's own calls follow it in the log.
 */
export async function runRotation(
  deps: RotationDeps,
  target: RotationTarget,
  token: string,
  trigger: RotationTrigger,
): Promise<boolean> {
  const ctx = deps.host.context(target.region, target.accountId);
  const secret = secretOf(ctx, target.name);
  const arn = secret?.rotation?.LambdaARN;
  if (!secret || !arn) {
    if (secret?.rotation) secret.rotation.NextRotationDate = undefined;
    return false;
  }
  startPendingVersion(ctx, secret, token);
  const base = { SecretId: secret.ARN, ClientRequestToken: token };
  event(ctx, { service: 'secretsmanager', operation: 'RotationStarted', params: { ...base, trigger }, outcome: 'ok' });
  const fail = (step: string, errorType: string, message: string) => {
    const current = secretOf(ctx, target.name);
    if (current?.rotation) {
      current.rotation.LastError = {
        Step: step,
        ErrorType: errorType,
        Message: message,
        VersionId: token,
        Time: ctx.clock.now(),
      };
    }
    event(ctx, {
      service: 'secretsmanager',
      operation: 'RotationFailed',
      params: { ...base, Step: step },
      outcome: errorType,
      message,
    });
    schedule(ctx, target.name);
    return false;
  };
  const fn = deps.lambdas.get(arn);
  if (!fn) {
    const message = `Function not found: ${arn}`;
    event(ctx, {
      service: 'lambda',
      operation: 'Invoke',
      params: { FunctionName: arn, ...base, Step: 'createSecret' },
      outcome: 'ResourceNotFoundException',
      message,
    });
    return fail('createSecret', 'ResourceNotFoundException', message);
  }
  const rotationToken = randomUuid(ctx.random);
  for (const step of ROTATION_STEPS) {
    if (!secretOf(ctx, target.name))
      return fail(step, 'ResourceNotFoundException', 'The secret was deleted during rotation.');
    event(ctx, {
      service: 'lambda',
      operation: 'Invoke',
      params: { FunctionName: arn, ...base, Step: step },
      outcome: 'ok',
    });
    try {
      await fn.handler(
        { Step: step, ...base, RotationToken: rotationToken },
        { functionName: fn.name, invokedFunctionArn: arn, awsRequestId: randomUuid(ctx.random) },
      );
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return fail(step, err.name || 'Error', err.message);
    }
  }
  const done = secretOf(ctx, target.name);
  if (!done?.rotation) return false;
  if (!versionById(done, token)?.VersionStages.includes(AWSCURRENT)) {
    return fail(
      'finishSecret',
      'RotationIncomplete',
      `finishSecret returned, but version ${token} is not AWSCURRENT: the function must move AWSCURRENT to it.`,
    );
  }
  done.rotation.LastRotatedDate = ctx.clock.now();
  delete done.rotation.LastError;
  event(ctx, { service: 'secretsmanager', operation: 'RotationSucceeded', params: base, outcome: 'ok' });
  schedule(ctx, target.name);
  return true;
}

/**
 * "Secrets Manager schedules the next rotation when the previous one completes." The rotation's
 * outcome (dates, LastError) then reaches the secret's replicas, as every change of a primary does.
 */
function schedule(ctx: OperationContext, name: string): void {
  const secret = secretOf(ctx, name);
  const rotation = secret?.rotation;
  if (!secret || !rotation) return;
  const next = rotation.Enabled ? nextRotationDate(rotation.Rules, ctx.clock.now()) : undefined;
  rotation.NextRotationDate = next !== undefined && next > ctx.clock.now() ? next : undefined;
  secretDueChanged(ctx, name);
  syncReplicas(ctx, secret);
}
