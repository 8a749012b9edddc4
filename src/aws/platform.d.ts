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
/** WebCrypto (Node ≥ 19 and every browser worker in a secure context): asymmetric KMS keys only. */
type CryptoKeyHandle = { readonly type: string };
type AlgorithmParams = { name: string; [k: string]: unknown };
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: {
    generateKey(
      algorithm: AlgorithmParams,
      extractable: boolean,
      usages: string[],
    ): Promise<{ privateKey: CryptoKeyHandle; publicKey: CryptoKeyHandle }>;
    exportKey(format: 'pkcs8' | 'spki' | 'raw', key: CryptoKeyHandle): Promise<ArrayBuffer>;
    exportKey(format: 'jwk', key: CryptoKeyHandle): Promise<{ d?: string; x?: string; y?: string }>;
    importKey(
      format: 'pkcs8' | 'spki',
      data: Uint8Array,
      algorithm: AlgorithmParams,
      extractable: boolean,
      usages: string[],
    ): Promise<CryptoKeyHandle>;
    sign(algorithm: AlgorithmParams, key: CryptoKeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
    verify(algorithm: AlgorithmParams, key: CryptoKeyHandle, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  };
};
