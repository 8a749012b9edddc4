/** What Secrets Manager sends a rotation function, once per step. */
export interface RotationEvent {
  Step: RotationStep;
  SecretId: string;
  ClientRequestToken: string;
  /** Secrets Manager sends it too; PutSecretValue accepts it back (for cross-account rotation). */
  RotationToken?: string;
}

export type RotationStep = 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
export const ROTATION_STEPS: readonly RotationStep[] = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'];

/** The slice of a Lambda context object a rotation function might read. */
export interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
}

/** A Lambda handler: learner code exported as `handler`, or a built-in template. */
export type LambdaHandler = (event: RotationEvent, context: LambdaContext) => unknown;

export interface LambdaFunction {
  arn: string;
  name: string;
  handler: LambdaHandler;
  /** Built-in templates survive `emulator.reset()`; functions registered by a test or lab do not. */
  builtin: boolean;
  description?: string;
}

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::[A-Za-z0-9$_-]+)?$/;

export function parseLambdaArn(arn: string): { region: string; accountId: string; name: string } | undefined {
  const m = arn.match(LAMBDA_ARN);
  return m ? { region: m[1] as string, accountId: m[2] as string, name: m[3] as string } : undefined;
}

export const lambdaArn = (region: string, accountId: string, name: string) =>
  `arn:aws:lambda:${region}:${accountId}:function:${name}`;

/**
 * The functions rotation can invoke, by ARN: Secrets Manager names its rotation function by ARN
 * (RotationLambdaARN), and the emulator has no Lambda API, so functions are registered here:
 * `emulator.lambdas.register(arn, handler)`.
 */
export class LambdaRegistry {
  readonly #functions = new Map<string, LambdaFunction>();

  register(
    arn: string,
    handler: LambdaHandler,
    options: { builtin?: boolean; description?: string } = {},
  ): LambdaFunction {
    const parsed = parseLambdaArn(arn);
    if (!parsed)
      throw new Error(`Not a Lambda function ARN: ${arn} (expected arn:aws:lambda:<region>:<account>:function:<name>)`);
    if (typeof handler !== 'function') throw new Error(`The handler registered for ${arn} is not a function`);
    const fn = { arn, name: parsed.name, handler, builtin: options.builtin ?? false, description: options.description };
    this.#functions.set(arn, fn);
    return fn;
  }

  unregister(arn: string): boolean {
    return this.#functions.delete(arn);
  }

  /** The function an ARN names (a qualified ARN `...:function:name:alias` falls back to the function). */
  get(arn: string): LambdaFunction | undefined {
    return this.#functions.get(arn) ?? this.#functions.get(arn.replace(/(:function:[^:]+):[^:]+$/, '$1'));
  }

  has(arn: string): boolean {
    return this.get(arn) !== undefined;
  }

  list(): { arn: string; name: string; builtin: boolean; description?: string }[] {
    return [...this.#functions.values()].map(({ arn, name, builtin, description }) => ({
      arn,
      name,
      builtin,
      description,
    }));
  }

  /** Forgets the functions registered since start; keeps the built-in templates. */
  reset(): void {
    for (const [arn, fn] of this.#functions) if (!fn.builtin) this.#functions.delete(arn);
  }
}
