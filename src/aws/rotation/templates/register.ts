import type { DbEngine } from '../../db/state';
import { type LambdaRegistry, lambdaArn } from '../lambdaRegistry';
import type { TemplateDeps } from './common';
import { multiUserTemplate } from './multiUser';
import { singleUserTemplate } from './singleUser';

/** The names AWS's rotation templates carry (the Serverless Application Repository applications). */
export const TEMPLATE_NAMES = {
  SecretsManagerRDSPostgreSQLRotationSingleUser: { engine: 'postgres', strategy: 'single' },
  SecretsManagerRDSPostgreSQLRotationMultiUser: { engine: 'postgres', strategy: 'multi' },
  SecretsManagerRDSMySQLRotationSingleUser: { engine: 'mysql', strategy: 'single' },
  SecretsManagerRDSMySQLRotationMultiUser: { engine: 'mysql', strategy: 'multi' },
} as const satisfies Record<string, { engine: DbEngine; strategy: 'single' | 'multi' }>;

export type TemplateName = keyof typeof TEMPLATE_NAMES;

/**
 * Registers a built-in template as the Lambda function `arn` (it survives `emulator.reset()`).
 * The seed's own rotation function (`SecretsManagerRotation`) is the PostgreSQL single-user one.
 */
export function registerTemplate(
  lambdas: LambdaRegistry,
  deps: TemplateDeps,
  arn: string,
  template: TemplateName,
): void {
  const { engine, strategy } = TEMPLATE_NAMES[template];
  const handler = strategy === 'single' ? singleUserTemplate(deps, engine) : multiUserTemplate(deps, engine);
  const label = strategy === 'single' ? 'single user' : 'alternating users';
  lambdas.register(arn, handler, { builtin: true, description: `Built-in ${engine} rotation template (${label})` });
}

/**
 * Registers the four built-in templates as Lambda functions
 * `arn:aws:lambda:<region>:<account>:function:<TemplateName>`. createEmulator calls it once, for
 * the emulator's account and default region.
 */
export function registerRotationTemplates(
  lambdas: LambdaRegistry,
  deps: TemplateDeps,
  where: { accountId: string; region: string },
): string[] {
  return (Object.keys(TEMPLATE_NAMES) as TemplateName[]).map((name) => {
    const arn = lambdaArn(where.region, where.accountId, name);
    registerTemplate(lambdas, deps, arn, name);
    return arn;
  });
}
