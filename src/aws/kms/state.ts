/** KMS state of one account and region: plain JSON (see ServiceDefinition). */
export interface KmsKey {
  KeyId: string;
  Arn: string;
  Description: string;
  /** Enabled | Disabled | PendingDeletion (the states this emulator models). */
  KeyState: 'Enabled' | 'Disabled' | 'PendingDeletion';
  KeyUsage: 'ENCRYPT_DECRYPT';
  KeySpec: 'SYMMETRIC_DEFAULT';
  KeyManager: 'AWS' | 'CUSTOMER';
  Origin: 'AWS_KMS';
  CreationDate: number;
  /** Set while PendingDeletion: when the key is deleted (epoch ms) and the window it was given. */
  DeletionDate?: number;
  PendingDeletionWindowInDays?: number;
  Tags: { TagKey: string; TagValue: string }[];
  /** The key's 256-bit secret, base64. Never leaves the emulator through an API. */
  material: string;
}

export interface KmsAlias {
  AliasName: string;
  AliasArn: string;
  TargetKeyId: string;
  CreationDate: number;
  LastUpdatedDate: number;
}

export interface KmsState {
  keys: Record<string, KmsKey>;
  /** By alias name, e.g. `alias/aws/ssm`. */
  aliases: Record<string, KmsAlias>;
}
