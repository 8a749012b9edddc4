import { own } from '../core/dict';
import { addPetTrackerDatabase, PETTRACKER_DB } from '../db/pettracker';
import type { DatabaseRegistry } from '../db/registry';
import { serverKey } from '../db/state';
import { createAccessKey } from '../iam/operations/accessKeys';
import { attachmentOperations } from '../iam/operations/managedPolicies';
import { createUser } from '../iam/operations/users';
import { aliasRecord, createKeyRecord, kmsState, storeAlias } from '../kms/state';
import type { AccountStore } from './accounts';

/**
 * What a fresh emulator holds beyond an empty account:
 * - `empty`: nothing (the lab's runs and the tests start here and build their own fixtures);
 * - `pettracker`: the world the seed's tutorial assumes: the customer managed key `alias/pettracker`
 *   (its `put-parameter --key-id "alias/pettracker"`) and the PetTracker database that
 *   `pettracker/prod/db-credentials` points at. The local endpoint starts with it unless `--empty`.
 *   (The rotation functions, including the seed's `SecretsManagerRotation`, are Lambda functions
 *   createEmulator registers, not state.)
 */
export type Preset = 'empty' | 'pettracker';

export interface Prepared {
  /** One line per thing added, for the endpoint's start-up banner. */
  lines: string[];
  /** With `iam: 'strict'`: the keys of the IAM user `admin` (AdministratorAccess), the way in. */
  adminCredentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * A strict emulator admits only keys it issued, so it issues the first ones: the IAM user `admin`
 * with AWS's AdministratorAccess policy attached and one access key.
 */
function strictAdmin(accounts: AccountStore): Prepared {
  const ctx = accounts.context();
  createUser(ctx, { UserName: 'admin' });
  attachmentOperations('user').AttachUserPolicy?.(ctx, {
    UserName: 'admin',
    PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  });
  const { AccessKey } = createAccessKey(ctx, { UserName: 'admin' });
  return {
    lines: [
      `IAM user admin (AdministratorAccess): AWS_ACCESS_KEY_ID=${AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${AccessKey.SecretAccessKey}`,
    ],
    adminCredentials: { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey },
  };
}

/** Applies the preset (and, for a strict emulator, its first IAM user). */
export function prepare(
  preset: Preset,
  strict: boolean,
  accounts: AccountStore,
  databases: DatabaseRegistry,
): Prepared {
  const admin = strict ? strictAdmin(accounts) : { lines: [] };
  return { ...admin, lines: [...admin.lines, ...applyPreset(preset, accounts, databases)] };
}

/** One line per thing the preset added, for the endpoint's start-up banner. */
export const PETTRACKER_KEY_ALIAS = 'alias/pettracker';

export function applyPreset(preset: Preset, accounts: AccountStore, databases: DatabaseRegistry): string[] {
  if (preset === 'empty') return [];
  const loaded: string[] = [];
  const ctx = accounts.context();
  const kms = kmsState(ctx);
  if (!own(kms.aliases, PETTRACKER_KEY_ALIAS)) {
    const key = createKeyRecord(ctx, kms, { description: 'PetTracker application key' });
    storeAlias(kms, aliasRecord(ctx, PETTRACKER_KEY_ALIAS, key.KeyId));
    loaded.push(`KMS key ${PETTRACKER_KEY_ALIAS} (customer managed): ${key.Arn}`);
  }
  if (!Object.hasOwn(databases.state.servers, serverKey(PETTRACKER_DB.host, PETTRACKER_DB.port))) {
    addPetTrackerDatabase(databases);
    loaded.push(
      `PostgreSQL ${PETTRACKER_DB.host}:${PETTRACKER_DB.port}, database ${PETTRACKER_DB.dbname}, user ${PETTRACKER_DB.username}`,
    );
  }
  return loaded;
}
