/** Declarations of the course's own modules, so the editor checks and completes them too. */
export const courseTypes: Record<string, string> = {
  // A script, not a module: its declarations are global, as the sandbox's `process` is.
  'file:///sandbox-globals.d.ts': `/** The run's environment, like a Lambda function's (ENVIRONMENT, AWS_SESSION_TOKEN, ...). */
declare var process: { env: Record<string, string | undefined> };
`,
  'file:///node_modules/@lab/clock/index.d.ts': `/** The simulated clock of the lab's emulator (Date.now() in your code reads it too). */
export declare function now(): number;
/** Moves simulated time forward: milliseconds or text such as "30 days" or "6 minutes". */
export declare function advance(duration: number | string): void | Promise<void>;
`,
  'file:///node_modules/@pettracker/db/index.d.ts': `/** PetTracker's simulated PostgreSQL database (a stand-in for a driver such as pg). */
export interface ConnectOptions { host: string; port?: number; user: string; password: string; database?: string }
export interface QueryResult { rows: Record<string, unknown>[] }
export interface Connection {
  query(sql: string, params?: unknown[]): Promise<QueryResult>;
  close(): Promise<void>;
}
/** Rejects with an error named "AuthenticationError" when the password is wrong. */
export declare function connect(options: ConnectOptions): Promise<Connection>;
`,
};
