import type { AuthorizationRecord } from '../policy';

/**
 * Every request the emulator answers, and every event it runs on its own (a scheduled rotation, a
 * deletion whose recovery window ended), in order. Tests, the grader (which counts calls: that is
 * how caching is proven) and the lab's inspector read it.
 */
export interface CallLogEntry {
  /** 1-based sequence number within this emulator, never reused after a reset. */
  seq: number;
  /** Simulated time of the call, epoch milliseconds. */
  time: number;
  service: 'secretsmanager' | 'ssm' | 'kms' | 'lambda' | 'iam' | 'sts' | 'extension' | 'emulator';
  operation: string;
  /** The parameters that identify what was asked (SecretId, Name, Path...), never secret values. */
  params: Record<string, unknown>;
  /** 'ok', or the AWS error name. */
  outcome: string;
  /** The error message when outcome is an error. */
  message?: string;
  region?: string;
  /** Who made the call: a request, the emulator itself (a scheduled rotation, say), or a lab check. */
  source?: 'request' | 'event' | 'check';
  /** When a principal is set: each authorization the call needed, with the statement that decided it. */
  authorization?: AuthorizationRecord[];
  /** Who called, when it was not the account's administrator: the user, session or lab principal ARN. */
  caller?: string;
}

export type CallLogListener = (entry: CallLogEntry) => void;

export class CallLog {
  #entries: CallLogEntry[] = [];
  #seq = 0;
  #listeners = new Set<CallLogListener>();
  /** Oldest entries are dropped beyond this, so a long-running endpoint stays bounded. */
  readonly limit: number;

  constructor(limit = 10_000) {
    this.limit = limit;
  }

  /**
   * Records a call: the entry given becomes the log's (numbered in place, not copied), so it must
   * be a new object the caller does not change afterwards, as every caller's literal is. A copy per
   * request cost an Object.assign on every call for an object thrown away at once.
   */
  record(entry: Omit<CallLogEntry, 'seq'>): CallLogEntry {
    const full = entry as CallLogEntry;
    full.seq = ++this.#seq;
    this.#entries.push(full);
    // Trim in batches: a splice per call once full would cost O(limit) on every request.
    if (this.#entries.length > this.limit * 1.1) this.#entries.splice(0, this.#entries.length - this.limit);
    for (const l of this.#listeners) l(full);
    return full;
  }

  entries(): readonly CallLogEntry[] {
    return this.#entries;
  }

  /** How many calls match: `count('secretsmanager', 'GetSecretValue')`. */
  count(service: CallLogEntry['service'], operation?: string): number {
    return this.#entries.filter((e) => e.service === service && (operation === undefined || e.operation === operation))
      .length;
  }

  reset(): void {
    this.#entries = [];
  }

  subscribe(listener: CallLogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
