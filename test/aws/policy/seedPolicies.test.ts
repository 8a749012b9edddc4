import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from '../../../src/aws/policy';
import { secretsManagerCases } from './seedCases.secrets';
import { parameterStoreCases } from './seedCases.ssm';

const cases = [...parameterStoreCases, ...secretsManagerCases];

describe('the seed policies decide as IAM would, naming the deciding statement', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', (_label, policies, action, resource, context, expected) => {
    const decision = evaluatePolicies(policies, { action, resource, context });
    if (expected === 'ImplicitDeny') {
      expect(decision).toMatchObject({ decision: 'ImplicitDeny' });
      expect(decision.statement).toBeUndefined();
    } else {
      const [kind, policyName, index, sid] = expected;
      expect(decision.decision).toBe(kind);
      expect(decision.statement).toEqual({ policyName, index, ...(sid ? { sid } : {}) });
    }
  });
});
