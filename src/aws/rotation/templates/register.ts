import type { DbEngine } from '../../db/state';
import type { Emulator } from '../../emulator';
import { lambdaArn } from '../lambdaRegistry';
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
 * Registers the four built-in templates as Lambda functions
 * `arn:aws:lambda:<region>:<account>:function:<TemplateName>` (default: the emulator's account and
 * default region). They survive `emulator.reset()`.
 */
export function registerRotationTemplates(
  emulator: Emulator,
  where: { accountId?: string; region?: string } = {},
): string[] {
  const accountId = where.accountId ?? emulator.accountId;
  const region = where.region ?? emulator.defaultRegion;
  return Object.entries(TEMPLATE_NAMES).map(([name, { engine, strategy }]) => {
    const arn = lambdaArn(region, accountId, name);
    const handler = strategy === 'single' ? singleUserTemplate(emulator, engine) : multiUserTemplate(emulator, engine);
    const label = strategy === 'single' ? 'single user' : 'alternating users';
    emulator.lambdas.register(arn, handler, {
      builtin: true,
      description: `Built-in ${engine} rotation template (${label})`,
    });
    return arn;
  });
}
