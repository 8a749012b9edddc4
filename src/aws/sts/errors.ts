import { AwsError } from '../core/errors';

/** STS's errors as the query protocol sends them (AccessDenied is 403, the rest 400). */
export const stsErrors = {
  notAuthorized: (callerArn: string, roleArn: string) =>
    new AwsError(
      'AccessDenied',
      `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    ),
  rootCannotAssume: () => new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.', 403),
  validation: (message: string) => new AwsError('ValidationError', message, 400),
  durationTooLong: (seconds: number, max: number) =>
    new AwsError(
      'ValidationError',
      `The requested DurationSeconds exceeds the MaxSessionDuration set for this role. (${seconds} > ${max})`,
      400,
    ),
};
