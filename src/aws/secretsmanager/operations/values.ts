import { AwsError } from '../../core/errors';
import { indexPage } from '../../core/orderedIndex';
import type { OperationContext } from '../../core/service';
import { findSecret, requireSecret } from '../arn';
import { authorizeAccountWide, authorizeSecret } from '../authorize';
import {
  invalidNextToken,
  invalidParameter,
  invalidRequest,
  missingToken,
  noValue,
  secretValueNotFound,
} from '../errors';
import { matchesFilters, parseFilters } from '../filters';
import { putNewVersion } from '../newVersion';
import { arnAndName, seconds } from '../responses';
import { AWSCURRENT, versionById, versionByStage } from '../stages';
import { byCreatedDate, dayOf, type SecretRecord, smState, touchSecret } from '../state';
import { clientRequestToken, type Input, optInt, optString, optStringList, secretId, secretValue } from '../validate';
import { openValue, valueFields } from '../values';

/**
 * Reads one version's value: by VersionId, by VersionStage, or AWSCURRENT by default. Records the
 * access (day resolution) on the secret and the version, as LastAccessedDate reports it.
 */
export function readSecretValue(
  ctx: OperationContext,
  secret: SecretRecord,
  selector: { versionId?: string; stage?: string } = {},
) {
  const { versionId, stage } = selector;
  let version = versionId !== undefined ? versionById(secret, versionId) : undefined;
  if (versionId !== undefined) {
    if (!version) throw secretValueNotFound('VersionId', versionId);
    if (stage !== undefined && !version.VersionStages.includes(stage)) {
      throw invalidRequest('You provided a VersionStage that is not associated to the provided VersionId.');
    }
  } else {
    const label = stage ?? AWSCURRENT;
    version = versionByStage(secret, label);
    if (!version) throw secretValueNotFound('staging label', label);
  }
  const value = openValue(ctx, secret, version);
  const today = dayOf(ctx.clock.now());
  touchSecret(secret, 'LastAccessedDate', today);
  version.LastAccessedDate = today;
  // Object.assign of fixed-key parts rather than a literal that starts with a spread: V8 makes
  // the latter cost microseconds, and this is the GetSecretValue hot path.
  return Object.assign(arnAndName(secret), { VersionId: version.VersionId }, valueFields(value), {
    VersionStages: [...version.VersionStages],
    CreatedDate: seconds(version.CreatedDate),
  });
}

export function getSecretValue(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const versionId = optString(input, 'VersionId', { min: 32, max: 64 });
  const stage = optString(input, 'VersionStage', { min: 1, max: 256 });
  const request = { versionId, versionStage: stage };
  return readSecretValue(ctx, requireSecret(ctx, id, { authorize: 'GetSecretValue', request }), { versionId, stage });
}

/**
 * PutSecretValue: a new version labelled VersionStages (default AWSCURRENT, which hands
 * AWSPREVIOUS to the version it leaves; see stages.ts). The first version always gets AWSCURRENT.
 */
export function putSecretValue(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const token = clientRequestToken(input);
  const value = secretValue(input);
  const stages = optStringList(input, 'VersionStages', { min: 1, max: 20, item: { min: 1, max: 256 } });
  optString(input, 'RotationToken', { min: 36, max: 256 }); // managed external rotation: accepted, ignored
  const secret = requireSecret(ctx, id, { authorize: 'PutSecretValue' });
  if (!value) throw noValue();
  if (!token) throw missingToken();
  const { version } = putNewVersion(ctx, secret, token, value, stages ?? [AWSCURRENT]);
  return { ...arnAndName(secret), VersionId: version.VersionId, VersionStages: [...version.VersionStages] };
}

/**
 * BatchGetSecretValue: the AWSCURRENT values of up to 20 secrets named in SecretIdList, or of the
 * secrets matching Filters (paged by MaxResults/NextToken, which need Filters). A secret that
 * cannot be read becomes an entry in Errors instead of failing the call.
 */
export function batchGetSecretValue(ctx: OperationContext, input: Input) {
  const ids = optStringList(input, 'SecretIdList', { min: 1, max: 20, item: { min: 1, max: 2048 } });
  const filters = parseFilters(input);
  const maxResults = optInt(input, 'MaxResults', { min: 1, max: 20 });
  const nextToken = optString(input, 'NextToken', { min: 1, max: 4096 });
  if (ids && filters) throw invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
  if (!ids && !filters) throw invalidParameter("Either 'SecretIdList' or 'Filters' must be provided.");
  if (maxResults !== undefined && !filters) {
    throw invalidParameter("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
  }
  // BatchGetSecretValue needs its own permission, and GetSecretValue on each secret it returns.
  authorizeAccountWide(ctx, 'BatchGetSecretValue');
  const SecretValues: unknown[] = [];
  const Errors: { SecretId: string; ErrorCode: string; Message: string }[] = [];
  const read = (secretIdValue: string, secret: () => SecretRecord) => {
    try {
      SecretValues.push(readSecretValue(ctx, secret()));
    } catch (e) {
      if (!(e instanceof AwsError)) throw e;
      Errors.push({ SecretId: secretIdValue, ErrorCode: e.type, Message: e.message });
    }
  };
  if (ids) {
    for (const id of ids) read(id, () => requireSecret(ctx, id, { authorize: 'GetSecretValue' }));
    return { SecretValues, Errors };
  }
  // One page from the creation-date index ListSecrets reads too (the cost is the secrets walked).
  const state = smState(ctx);
  const { items: page, next: NextToken } = indexPage(
    state.secrets,
    () => byCreatedDate(state.secrets, 'asc'),
    { limit: maxResults ?? 20, token: nextToken, scope: 'BatchGetSecretValue', invalid: invalidNextToken },
    (s) => s.DeletedDate === undefined && matchesFilters(ctx, s, filters ?? []),
  );
  for (const secret of page) {
    read(secret.Name, () => {
      const found = findSecret(ctx, state, secret.Name) ?? secret;
      authorizeSecret(ctx, 'GetSecretValue', found.Name, found);
      return found;
    });
  }
  return { SecretValues, Errors, NextToken };
}
