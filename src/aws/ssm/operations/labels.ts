import type { OperationContext } from '../../core/service';
import { authorizeParameter } from '../authorize';
import {
  constraintError,
  parameterNotFound,
  parameterVersionLabelLimitExceeded,
  parameterVersionNotFound,
} from '../errors';
import { findParameter, nameFromNameOrArn } from '../names';
import { latestVersion, type ParameterVersion, type StoredParameter, ssmState } from '../state';
import { checkListLength, optionalInteger, requiredString, stringList } from '../validate';

/** A version carries at most 10 labels. */
export const MAX_LABELS_PER_VERSION = 10;

/**
 * Label rules (AWS user guide, "Labeling parameters"): letters, numbers, `.`, `-`, `_`; can't begin
 * with a number, `aws` or `ssm` (not case sensitive); 1–100 characters. A label that breaks a rule
 * is not applied and comes back in InvalidLabels; one over 100 characters fails the request.
 */
export function isValidLabel(label: string): boolean {
  return /^[a-zA-Z0-9_.-]+$/.test(label) && !/^[0-9]/.test(label) && !/^(aws|ssm)/i.test(label);
}

function readLabels(input: Record<string, unknown>): string[] {
  const labels = stringList(input, 'Labels', true) ?? [];
  checkListLength(labels, 'Labels', 1, 10);
  for (const label of labels) {
    if (label.length < 1 || label.length > 100) {
      throw constraintError(
        `[${labels.join(', ')}]`,
        'labels',
        'Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]',
      );
    }
  }
  return [...new Set(labels)];
}

function target(
  ctx: OperationContext,
  input: Record<string, unknown>,
  versionRequired: boolean,
  operation: 'LabelParameterVersion' | 'UnlabelParameterVersion',
) {
  const raw = requiredString(input, 'Name');
  const requested = optionalInteger(input, 'ParameterVersion');
  if (versionRequired && requested === undefined) {
    throw constraintError(null, 'parameterVersion', 'Member must not be null');
  }
  const state = ssmState(ctx);
  const name = nameFromNameOrArn(state, raw);
  authorizeParameter(ctx, operation, name);
  const parameter = findParameter(state, name);
  if (!parameter) throw parameterNotFound(raw);
  const version =
    requested === undefined ? latestVersion(parameter) : parameter.history.find((v) => v.Version === requested);
  if (!version) throw parameterVersionNotFound(requested ?? '', name);
  return { parameter, version };
}

/**
 * Attaches labels to a version (the latest when ParameterVersion is omitted). A label names one
 * version of a parameter, so a label already on another version moves here.
 */
export function labelParameterVersion(ctx: OperationContext, input: Record<string, unknown>) {
  const labels = readLabels(input);
  const { parameter, version } = target(ctx, input, false, 'LabelParameterVersion');
  const valid = labels.filter(isValidLabel);
  const InvalidLabels = labels.filter((l) => !isValidLabel(l));
  const added = valid.filter((l) => !version.Labels.includes(l));
  if (version.Labels.length + added.length > MAX_LABELS_PER_VERSION) throw parameterVersionLabelLimitExceeded();
  moveLabels(parameter, version, added);
  return { InvalidLabels, ParameterVersion: version.Version };
}

function moveLabels(parameter: StoredParameter, to: ParameterVersion, labels: string[]): void {
  for (const v of parameter.history) {
    if (v !== to) v.Labels = v.Labels.filter((l) => !labels.includes(l));
  }
  to.Labels.push(...labels);
}

/** Removes labels from one version; labels that version doesn't carry come back in InvalidLabels. */
export function unlabelParameterVersion(ctx: OperationContext, input: Record<string, unknown>) {
  const labels = readLabels(input);
  const { version } = target(ctx, input, true, 'UnlabelParameterVersion');
  const RemovedLabels = labels.filter((l) => version.Labels.includes(l));
  const InvalidLabels = labels.filter((l) => !version.Labels.includes(l));
  version.Labels = version.Labels.filter((l) => !RemovedLabels.includes(l));
  return { RemovedLabels, InvalidLabels };
}
