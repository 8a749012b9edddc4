/**
 * An error as AWS returns it over JSON 1.1: HTTP status (400 for client errors), `__type` = the
 * exception name the SDK maps to its own class, and AWS's message wording.
 * Models throw these; the protocol layer turns them into responses.
 */
export class AwsError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.name = type;
    this.type = type;
    this.status = status;
  }
}

/** The generic input-validation error shared by Secrets Manager, SSM and KMS. */
export const validationError = (message: string) => new AwsError('ValidationException', message);

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError;
}
