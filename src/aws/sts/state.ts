import { type Dict, dict } from '../core/dict';
import type { OperationContext } from '../core/service';

/** A role session AssumeRole issued: temporary credentials, valid until Expiration on the emulator's clock. */
export interface RoleSession {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** Epoch ms. */
  Expiration: number;
  RoleName: string;
  RoleArn: string;
  RoleSessionName: string;
  /** `<role id>:<session name>`. */
  AssumedRoleId: string;
  /** `arn:aws:sts::<account>:assumed-role/<role name>/<session name>`. */
  Arn: string;
  /** Session policies AssumeRole was given: an inline document and managed policy ARNs. */
  SessionPolicy?: string;
  SessionPolicyArns?: string[];
}

/** STS state of one account (global): the sessions it issued, by AccessKeyId. */
export interface StsState {
  sessions: Dict<RoleSession>;
}

export function initialStsState(): StsState {
  return { sessions: dict() };
}

export function stsState(ctx: OperationContext): StsState {
  return ctx.state<StsState>('sts');
}

/** Forgets sessions that expired (AssumeRole calls it, so the state does not grow without end). */
export function dropExpired(state: StsState, now: number): void {
  for (const [id, session] of Object.entries(state.sessions)) if (session.Expiration <= now) delete state.sessions[id];
}
