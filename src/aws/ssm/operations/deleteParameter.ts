import type { OperationContext } from '../../core/service';
import { authorizeParameter } from '../authorize';
import { parameterNotFound } from '../errors';
import { findParameter, nameFromNameOrArn, removeParameter } from '../names';
import { ssmState } from '../state';
import { checkListLength, requiredString, stringList } from '../validate';

/** Deleting a parameter deletes all its versions, labels and tags. */
export function deleteParameter(ctx: OperationContext, input: Record<string, unknown>) {
  const raw = requiredString(input, 'Name');
  const state = ssmState(ctx);
  const name = nameFromNameOrArn(state, raw);
  authorizeParameter(ctx, 'DeleteParameter', name);
  if (!findParameter(state, name)) throw parameterNotFound(raw);
  removeParameter(state, name);
  return {};
}

/** Up to 10 names; the ones that don't exist come back in InvalidParameters. */
export function deleteParameters(ctx: OperationContext, input: Record<string, unknown>) {
  const names = stringList(input, 'Names', true) ?? [];
  checkListLength(names, 'Names', 1, 10);
  const state = ssmState(ctx);
  const DeletedParameters: string[] = [];
  const InvalidParameters: string[] = [];
  const unique = [...new Set(names)];
  // Every name is authorized before anything is deleted: one denied name fails the whole call.
  for (const raw of unique) authorizeParameter(ctx, 'DeleteParameters', nameFromNameOrArn(state, raw));
  for (const raw of unique) {
    const name = nameFromNameOrArn(state, raw);
    if (findParameter(state, name)) {
      removeParameter(state, name);
      DeletedParameters.push(raw);
    } else {
      InvalidParameters.push(raw);
    }
  }
  return { DeletedParameters, InvalidParameters };
}
