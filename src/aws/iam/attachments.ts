import type { IamState, InlinePolicies } from './state';

/**
 * Managed policies attached to users, roles and groups. `attached` is written only here (it is
 * readonly elsewhere, so the compiler finds any other write), which keeps a count per policy ARN
 * beside the state: GetPolicy's and ListPolicies' AttachmentCount (and the OnlyAttached filter)
 * read it instead of looking at every user, role and group. The counts live in a WeakMap keyed by
 * the account's IAM state, built by one look on first use and thrown away with the state (a
 * restore or a reset replaces it), as core/orderedIndex.ts keeps list orders.
 */
const counts = new WeakMap<IamState, Map<string, number>>();

function countsOf(state: IamState): Map<string, number> {
  let byArn = counts.get(state);
  if (!byArn) {
    byArn = new Map();
    for (const map of [state.users, state.roles, state.groups])
      for (const entity of Object.values(map) as InlinePolicies[])
        for (const arn of entity.attached) byArn.set(arn, (byArn.get(arn) ?? 0) + 1);
    counts.set(state, byArn);
  }
  return byArn;
}

/** How many users, roles and groups a managed policy is attached to. */
export function attachmentCount(state: IamState, arn: string): number {
  return countsOf(state).get(arn) ?? 0;
}

/** `arn` is attached to `entity` (not attached before: the caller checks). */
export function attachPolicy(state: IamState, entity: InlinePolicies, arn: string): void {
  const byArn = countsOf(state);
  (entity as { attached: readonly string[] }).attached = [...entity.attached, arn];
  byArn.set(arn, (byArn.get(arn) ?? 0) + 1);
}

/** `arn` is no longer attached to `entity` (attached before: the caller checks). */
export function detachPolicy(state: IamState, entity: InlinePolicies, arn: string): void {
  const byArn = countsOf(state);
  (entity as { attached: readonly string[] }).attached = entity.attached.filter((a) => a !== arn);
  byArn.set(arn, (byArn.get(arn) ?? 1) - 1);
}
