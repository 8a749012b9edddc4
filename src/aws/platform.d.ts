/**
 * The globals the emulator's core may use: the ones a browser worker and Node both provide.
 * Only src/aws/tsconfig.json includes this file (the root config has the real DOM and Node types).
 */
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare const console: {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  log(...data: unknown[]): void;
};
declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
