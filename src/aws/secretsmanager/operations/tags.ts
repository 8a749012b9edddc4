import type { OperationContext } from '../../core/service';
import { requireSecret } from '../arn';
import { touchSecret } from '../state';
import { constraint, type Input, optStringList, secretId, tagList } from '../validate';

/** TagResource: adds tags; a key that exists gets the new value. At most 50 tags per secret. */
export function tagResource(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const tags = tagList(input);
  if (!tags) throw constraint('Tags', null, 'Member must not be null');
  const secret = requireSecret(ctx, id, { authorize: 'TagResource' });
  const merged = new Map((secret.Tags ?? []).map((t) => [t.Key, t]));
  for (const t of tags) merged.set(t.Key, t);
  secret.Tags = [...merged.values()];
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  return {};
}

/** UntagResource: removes the named keys; unknown keys are ignored. */
export function untagResource(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const keys = optStringList(input, 'TagKeys', { item: { min: 1, max: 128 } });
  if (!keys) throw constraint('TagKeys', null, 'Member must not be null');
  const secret = requireSecret(ctx, id, { authorize: 'UntagResource' });
  secret.Tags = (secret.Tags ?? []).filter((t) => !keys.includes(t.Key));
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  return {};
}
