import type { CallLogEntry } from '../aws/core/callLog';
import type { EmulatorSnapshot } from '../aws/emulator';
import type { KmsState } from '../aws/kms/state';
import type { SecretsManagerState } from '../aws/secretsmanager/state';
import type { SsmState } from '../aws/ssm/state';

/** What the inspector draws, derived from an emulator snapshot (pure, so it is unit-tested). */
export interface InspectorModel {
  secrets: {
    name: string;
    arn: string;
    deleted: boolean;
    rotation?: { enabled: boolean; lambda?: string; lastRotated?: number; next?: number; error?: string };
    versions: { id: string; created: number; stages: string[] }[];
  }[];
  parameters: { name: string; type: string; version: number; tier: string; labels: string[]; keyId?: string }[];
  keys: { id: string; aliases: string[]; state: string; managedBy: string; description: string }[];
  counts: { key: string; count: number; errors: number }[];
  /**
   * What failed inside the emulator itself (a bug in Secrets Lab, not in the learner's code): a
   * background job or a request that threw. createEmulator records each as `emulator InternalError`.
   */
  internalErrors: { seq: number; time: number; where: string; message: string }[];
}

const isInternalError = (c: CallLogEntry) => c.service === 'emulator' && c.operation === 'InternalError';

export function inspect(snapshot: EmulatorSnapshot, calls: readonly CallLogEntry[]): InspectorModel {
  const model: InspectorModel = { secrets: [], parameters: [], keys: [], counts: [], internalErrors: [] };
  for (const regions of Object.values(snapshot.accounts)) {
    for (const services of Object.values(regions)) {
      const sm = services.secretsmanager as SecretsManagerState | undefined;
      for (const s of Object.values(sm?.secrets ?? {})) {
        model.secrets.push({
          name: s.Name,
          arn: s.ARN,
          deleted: s.DeletedDate !== undefined,
          rotation: s.rotation && {
            enabled: s.rotation.Enabled,
            lambda: s.rotation.LambdaARN,
            lastRotated: s.rotation.LastRotatedDate,
            next: s.rotation.NextRotationDate,
            error: s.rotation.LastError
              ? `${s.rotation.LastError.Step}: ${s.rotation.LastError.ErrorType}: ${s.rotation.LastError.Message}`
              : undefined,
          },
          versions: s.versions.map((v) => ({ id: v.VersionId, created: v.CreatedDate, stages: v.VersionStages })),
        });
      }
      const ssm = services.ssm as SsmState | undefined;
      for (const p of Object.values(ssm?.parameters ?? {})) {
        const latest = p.history[p.history.length - 1];
        if (!latest) continue;
        model.parameters.push({
          name: p.Name,
          type: latest.Type,
          version: latest.Version,
          tier: latest.Tier,
          labels: p.history.flatMap((h) => h.Labels.map((l) => `${l}→v${h.Version}`)),
          keyId: latest.KeyId,
        });
      }
      const kms = services.kms as KmsState | undefined;
      for (const k of Object.values(kms?.keys ?? {})) {
        model.keys.push({
          id: k.KeyId,
          aliases: Object.values(kms?.aliases ?? {})
            .filter((a) => a.TargetKeyId === k.KeyId)
            .map((a) => a.AliasName),
          state: k.KeyState,
          managedBy: k.KeyManager,
          description: k.Description,
        });
      }
    }
  }
  model.secrets.sort((a, b) => a.name.localeCompare(b.name));
  model.parameters.sort((a, b) => a.name.localeCompare(b.name));
  const counts = new Map<string, { count: number; errors: number }>();
  for (const c of calls) {
    if (isInternalError(c)) {
      const where = typeof c.params.where === 'string' ? c.params.where : 'the emulator';
      model.internalErrors.push({ seq: c.seq, time: c.time, where, message: c.message ?? c.outcome });
      continue;
    }
    const key = `${c.service}.${c.operation}`;
    const entry = counts.get(key) ?? { count: 0, errors: 0 };
    entry.count++;
    if (c.outcome !== 'ok') entry.errors++;
    counts.set(key, entry);
  }
  model.counts = [...counts].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.count - a.count);
  return model;
}

/** The parameter names as a tree: `/pettracker/dev/db/password` under pettracker › dev › db. */
export interface TreeNode {
  name: string;
  path: string;
  children: TreeNode[];
  leaf?: InspectorModel['parameters'][number];
}

export function parameterTree(parameters: InspectorModel['parameters']): TreeNode {
  const root: TreeNode = { name: '/', path: '', children: [] };
  for (const p of parameters) {
    let node = root;
    const parts = p.name.split('/').filter(Boolean);
    parts.forEach((part, i) => {
      const path = `${node.path}/${part}`;
      let child = node.children.find((c) => c.name === part);
      if (!child) {
        child = { name: part, path, children: [] };
        node.children.push(child);
      }
      if (i === parts.length - 1) child.leaf = p;
      node = child;
    });
  }
  return root;
}
