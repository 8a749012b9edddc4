import type { StateHost } from '../core/service';
import type { SecretsManagerState } from '../secretsmanager/state';
import { removeDueSecrets } from '../secretsmanager/state';
import { duePolicies, runPolicy } from '../ssm/policies';
import { latestVersion, type SsmState } from '../ssm/state';
import type { DueEvent, EventSource } from './scheduler';

/**
 * The end of a secret's recovery window: at DeletionDate the secret is removed for good (Secrets
 * Manager's own `smState` does the removal and records the event; the clock just gets there).
 */
export function deletionSource(host: StateHost): EventSource {
  return {
    name: 'secret deletions',
    next(upTo) {
      let best: DueEvent | undefined;
      for (const { accountId, region } of host.regionsWith('secretsmanager')) {
        const ctx = host.context(region, accountId);
        for (const secret of Object.values(ctx.state<SecretsManagerState>('secretsmanager').secrets)) {
          const when = secret.DeletionDate;
          if (when === undefined || when > upTo || (best && best.time <= when)) continue;
          best = { time: when, label: `delete ${secret.Name}`, run: () => void removeDueSecrets(ctx) };
        }
      }
      return best;
    },
  };
}

/** Parameter Store policies (Advanced tier): Expiration, ExpirationNotification, NoChangeNotification. */
export function parameterPolicySource(host: StateHost): EventSource {
  return {
    name: 'parameter policies',
    next(upTo) {
      let best: DueEvent | undefined;
      for (const { accountId, region } of host.regionsWith('ssm')) {
        const ctx = host.context(region, accountId);
        const state = ctx.state<SsmState>('ssm');
        for (const parameter of Object.values(state.parameters)) {
          for (const due of duePolicies(parameter.Name, latestVersion(parameter))) {
            if (due.time > upTo || (best && best.time <= due.time)) continue;
            best = {
              time: due.time,
              label: `${due.policy.PolicyType} ${due.name}`,
              run: () => runPolicy(ctx, state, due),
            };
          }
        }
      }
      return best;
    },
  };
}
