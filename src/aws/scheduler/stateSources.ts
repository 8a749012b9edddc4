import { own } from '../core/dict';
import type { StateHost } from '../core/service';
import type { SecretsManagerState } from '../secretsmanager/state';
import { removeDueSecrets } from '../secretsmanager/state';
import { duePolicies, runPolicy } from '../ssm/policies';
import { latestVersion, type SsmState, type StoredParameter } from '../ssm/state';
import { dueIndex } from './dueIndex';
import type { DueEvent, EventSource } from './scheduler';

/**
 * The end of a secret's recovery window: at DeletionDate the secret is removed for good (Secrets
 * Manager's own `smState` does the removal and records the event; the clock just gets there).
 * The earliest DeletionDate of each region comes from its due-time index (dueIndex.ts).
 */
export function deletionSource(host: StateHost): EventSource {
  return {
    name: 'secret deletions',
    next(upTo) {
      let best: DueEvent | undefined;
      for (const { accountId, region } of host.regionsWith('secretsmanager')) {
        const ctx = host.context(region, accountId);
        const { secrets } = ctx.state<SecretsManagerState>('secretsmanager');
        const due = dueIndex(secrets, 'deletion', (secret) => secret.DeletionDate).earliest();
        if (!due || due.time > upTo || (best && best.time <= due.time)) continue;
        const name = own(secrets, due.key)?.Name ?? due.key;
        best = { time: due.time, label: `delete ${name}`, run: () => void removeDueSecrets(ctx) };
      }
      return best;
    },
  };
}

/**
 * Parameter Store policies (Advanced tier): Expiration, ExpirationNotification, NoChangeNotification.
 * A parameter is filed under its first pending policy's due time (dueIndex.ts); of its policies due
 * then, the first listed runs first.
 */
export function parameterPolicySource(host: StateHost): EventSource {
  return {
    name: 'parameter policies',
    next(upTo) {
      let best: DueEvent | undefined;
      for (const { accountId, region } of host.regionsWith('ssm')) {
        const ctx = host.context(region, accountId);
        const state = ctx.state<SsmState>('ssm');
        const earliest = dueIndex(state.parameters, 'policies', firstPolicyDue).earliest();
        if (!earliest || earliest.time > upTo || (best && best.time <= earliest.time)) continue;
        const parameter = own(state.parameters, earliest.key);
        const due =
          parameter && duePolicies(parameter.Name, latestVersion(parameter)).find((d) => d.time === earliest.time);
        if (!due) continue;
        best = {
          time: due.time,
          label: `${due.policy.PolicyType} ${due.name}`,
          run: () => runPolicy(ctx, state, due),
        };
      }
      return best;
    },
  };
}

function firstPolicyDue(parameter: StoredParameter): number | undefined {
  let first: number | undefined;
  for (const due of duePolicies(parameter.Name, latestVersion(parameter))) {
    if (first === undefined || due.time < first) first = due.time;
  }
  return first;
}
