import { own } from '../core/dict';
import { randomUuid } from '../core/random';
import type { StateHost } from '../core/service';
import type { DueEvent, EventSource } from '../scheduler/scheduler';
import { unfinishedPending } from '../secretsmanager/pendingVersion';
import type { SecretsManagerState } from '../secretsmanager/state';
import { type RotationDeps, runRotation } from './engine';

/**
 * Scheduled rotations as clock events: a secret with rotation enabled falls due at its
 * NextRotationDate (the start of its rotation window). A rotation that never finished is
 * reattempted with its AWSPENDING version's token; otherwise a new token (version id) is drawn.
 * A secret scheduled for deletion is skipped until restored; a replica never rotates (its primary
 * does, and the new version reaches it).
 */
export function rotationSource(deps: RotationDeps & { host: StateHost }): EventSource {
  return {
    name: 'scheduled rotations',
    next(upTo: number): DueEvent | undefined {
      let best: DueEvent | undefined;
      for (const { accountId, region } of deps.host.regionsWith('secretsmanager')) {
        const ctx = deps.host.context(region, accountId);
        const state = ctx.state<SecretsManagerState>('secretsmanager');
        for (const secret of Object.values(state.secrets)) {
          const when = secret.rotation?.Enabled ? secret.rotation.NextRotationDate : undefined;
          if (when === undefined || when > upTo || secret.DeletedDate !== undefined || secret.PrimaryRegion) continue;
          if (best && best.time <= when) continue;
          const name = secret.Name;
          best = {
            time: when,
            label: `rotate ${name}`,
            run: async () => {
              const current = own(state.secrets, name);
              if (!current?.rotation) return;
              const pending = unfinishedPending(current);
              const token = pending?.VersionId ?? randomUuid(ctx.random);
              await runRotation(deps, { accountId, region, name }, token, pending ? 'reattempt' : 'schedule');
            },
          };
        }
      }
      return best;
    },
  };
}
