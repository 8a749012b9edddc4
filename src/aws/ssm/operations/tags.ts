import type { OperationContext } from '../../core/service';
import { authorizeParameter } from '../authorize';
import { invalidResourceId, invalidResourceType, validationError } from '../errors';
import { findParameter, nameFromNameOrArn } from '../names';
import { type StoredParameter, ssmState } from '../state';
import { mergeTags, parseTags } from '../tags';
import { checkEnum, requiredString, stringList } from '../validate';

const RESOURCE_TYPES = [
  'Document',
  'ManagedInstance',
  'MaintenanceWindow',
  'Parameter',
  'PatchBaseline',
  'OpsItem',
  'OpsMetadata',
  'Automation',
  'Association',
] as const;

/** Only parameters live in this emulator: any other valid ResourceType names nothing here. */
function taggedParameter(
  ctx: OperationContext,
  input: Record<string, unknown>,
  operation: 'AddTagsToResource' | 'RemoveTagsFromResource' | 'ListTagsForResource',
): StoredParameter {
  const type = checkEnum(requiredString(input, 'ResourceType'), 'ResourceType', RESOURCE_TYPES);
  const id = requiredString(input, 'ResourceId');
  if (type !== 'Parameter')
    throw type === 'Automation' || type === 'Association' ? invalidResourceType() : invalidResourceId();
  const state = ssmState(ctx);
  authorizeParameter(ctx, operation, nameFromNameOrArn(state, id));
  const parameter = findParameter(state, nameFromNameOrArn(state, id));
  if (!parameter) throw invalidResourceId();
  return parameter;
}

export function addTagsToResource(ctx: OperationContext, input: Record<string, unknown>) {
  const parameter = taggedParameter(ctx, input, 'AddTagsToResource');
  if (input.Tags === undefined || input.Tags === null) {
    throw validationError(
      "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
    );
  }
  parameter.Tags = mergeTags(parameter.Tags, parseTags(input));
  return {};
}

export function removeTagsFromResource(ctx: OperationContext, input: Record<string, unknown>) {
  const parameter = taggedParameter(ctx, input, 'RemoveTagsFromResource');
  const keys = stringList(input, 'TagKeys', true) ?? [];
  parameter.Tags = parameter.Tags.filter((t) => !keys.includes(t.Key));
  return {};
}

export function listTagsForResource(ctx: OperationContext, input: Record<string, unknown>) {
  const parameter = taggedParameter(ctx, input, 'ListTagsForResource');
  return { TagList: parameter.Tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}
