import type { OperationContext } from '../../core/service';
import { nextRotationDate, scheduleExpressionProblem } from '../../scheduler/rotationSchedule';
import { requireSecret } from '../arn';
import {
  cannotInvokeFunction,
  invalidParameter,
  missingToken,
  noRotationFunction,
  rotationInProgress,
} from '../errors';
import { startPendingVersion, unfinishedPending } from '../pendingVersion';
import { arnAndName } from '../responses';
import { type RotationRules, secretDueChanged, touchSecret } from '../state';
import {
  clientRequestToken,
  type Input,
  optBool,
  optInt,
  optObject,
  optObjectList,
  optString,
  secretId,
} from '../validate';

function parseRules(input: Input): RotationRules | undefined {
  const rules = optObject(input, 'RotationRules');
  if (!rules) return undefined;
  const days = optInt(rules, 'AutomaticallyAfterDays', { min: 1, max: 1000 });
  const duration = optString(rules, 'Duration', { min: 2, max: 3 });
  const schedule = optString(rules, 'ScheduleExpression', { min: 1, max: 256 });
  if (days !== undefined && schedule !== undefined) {
    throw invalidParameter('You cannot specify both rotation frequency and schedule expression together.');
  }
  if (duration !== undefined) {
    const hours = Number(duration.match(/^(\d{1,2})h$/)?.[1]);
    if (!(hours >= 1 && hours <= 24))
      throw invalidParameter('The rotation window duration must be between 1 and 24 hours, for example 4h.');
  }
  const problem = schedule === undefined ? undefined : scheduleExpressionProblem(schedule);
  if (problem) throw invalidParameter(problem);
  return { AutomaticallyAfterDays: days, Duration: duration, ScheduleExpression: schedule };
}

/**
 * RotateSecret: stores the rotation configuration (function ARN, rules), turns rotation on and,
 * unless RotateImmediately is false, starts a rotation: the AWSPENDING placeholder version (id =
 * ClientRequestToken) is created now, and the rotation engine (src/aws/rotation/) invokes the
 * function's four steps after this request has been answered, as AWS starts rotation
 * asynchronously (`await emulator.idle()` waits for it).
 * Rules, as AWS enforces them: a Lambda ARN must be given now or configured before, and name a
 * function Secrets Manager can invoke (checked now: AccessDeniedException, nothing changed); while a
 * rotation's AWSPENDING version has not become AWSCURRENT, a new rotation is refused, and "that
 * rotation will be reattempted" (the engine resumes it with the pending version's token).
 */
export function rotateSecret(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const token = clientRequestToken(input);
  const lambdaArn = optString(input, 'RotationLambdaARN', { max: 2048 });
  const rules = parseRules(input);
  const immediately = optBool(input, 'RotateImmediately') ?? true;
  optObjectList(input, 'ExternalSecretRotationMetadata');
  optString(input, 'ExternalSecretRotationRoleArn', { max: 2048 });
  const secret = requireSecret(ctx, id, { authorize: 'RotateSecret' });
  const functionArn = lambdaArn || secret.rotation?.LambdaARN;
  if (!functionArn) throw noRotationFunction();
  if (!token) throw missingToken('InvalidParameterException');
  if (!ctx.rotation.canInvoke(functionArn)) throw cannotInvokeFunction();
  const target = { accountId: ctx.accountId, region: ctx.region, name: secret.Name };
  const pending = unfinishedPending(secret);
  if (pending && pending.VersionId !== token) {
    if (secret.rotation?.Enabled && secret.rotation.LambdaARN)
      ctx.rotation.request({ ...target, token: pending.VersionId });
    throw rotationInProgress();
  }
  const now = ctx.clock.now();
  const effectiveRules = rules ?? secret.rotation?.Rules;
  secret.rotation = {
    Enabled: true,
    LambdaARN: functionArn,
    Rules: effectiveRules,
    LastRotatedDate: secret.rotation?.LastRotatedDate,
    NextRotationDate: nextRotationDate(effectiveRules, now),
    LastError: secret.rotation?.LastError,
  };
  secretDueChanged(ctx, secret.Name);
  touchSecret(secret, 'LastChangedDate', now);
  if (immediately) {
    // A retry with the same token resumes the same rotation instead of starting another.
    startPendingVersion(ctx, secret, token);
    ctx.rotation.request({ ...target, token });
  }
  return { ...arnAndName(secret), VersionId: immediately ? token : undefined };
}

/** CancelRotateSecret: turns automatic rotation off; labels are left as they are (as AWS does). */
export function cancelRotateSecret(ctx: OperationContext, input: Input) {
  const secret = requireSecret(ctx, secretId(input), { authorize: 'CancelRotateSecret' });
  const rotation = secret.rotation;
  if (!rotation?.LambdaARN) throw noRotationFunction();
  rotation.Enabled = false;
  rotation.NextRotationDate = undefined;
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  return { ...arnAndName(secret), VersionId: unfinishedPending(secret)?.VersionId };
}
