import { own } from '../core/dict';
import { randomUuid } from '../core/random';
import type { StateHost } from '../core/service';
import { dueIndex } from '../scheduler/dueIndex';
import type { DueEvent, EventSource } from '../scheduler/scheduler';
import { unfinishedPending } from '../secretsmanager/pendingVersion';
import type { SecretRecord, SecretsManagerState } from '../secretsmanager/state';
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
        const due = dueIndex(state.secrets, 'rotation', rotationDue).earliest();
        if (!due || due.time > upTo || (best && best.time <= due.time)) continue;
        const name = due.key;
        best = {
          time: due.time,
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
      return best;
    },
  };
}

/** When a secret's scheduled rotation falls due: rotation on, not deleted, not a replica. */
function rotationDue(secret: SecretRecord): number | undefined {
  if (!secret.rotation?.Enabled || secret.DeletedDate !== undefined || secret.PrimaryRegion) return undefined;
  return secret.rotation.NextRotationDate;
}
