/**
 * The part of node-forge (1.4.3) that rsaDigest.ts uses: RSA signatures over a digest it is given.
 * Declared here because @types/node-forge pulls in Node's types, which src/aws must not see.
 */
declare module 'node-forge' {
  export interface ByteBuffer {
    getBytes(): string;
  }
  export interface MessageDigest {
    readonly algorithm: string;
    readonly digestLength: number;
    start(): MessageDigest;
    update(bytes: string): MessageDigest;
    digest(): ByteBuffer;
  }
  export interface SignatureScheme {
    encode(md: Pick<MessageDigest, 'algorithm' | 'digest'>, modBits: number): string;
  }
  export interface RsaPrivateKey {
    sign(md: Pick<MessageDigest, 'algorithm' | 'digest'>, scheme?: SignatureScheme | 'RSASSA-PKCS1-V1_5'): string;
  }
  export interface RsaPublicKey {
    verify(digest: string, signature: string, scheme?: SignatureScheme | 'RSASSA-PKCS1-V1_5'): boolean;
  }
  export interface Asn1 {
    readonly tagClass: number;
  }
  export interface Forge {
    util: {
      createBuffer(bytes: string): ByteBuffer;
      binary: { raw: { encode(bytes: Uint8Array): string; decode(text: string): Uint8Array } };
    };
    asn1: { fromDer(bytes: string): Asn1 };
    pki: {
      privateKeyFromAsn1(asn1: Asn1): RsaPrivateKey;
      publicKeyFromAsn1(asn1: Asn1): RsaPublicKey;
    };
    md: Record<'sha256' | 'sha384' | 'sha512', { create(): MessageDigest }>;
    mgf: { mgf1: { create(md: MessageDigest): unknown } };
    pss: {
      create(options: {
        md: MessageDigest;
        mgf: unknown;
        saltLength: number;
        prng?: { getBytesSync(count: number): string };
      }): SignatureScheme;
    };
  }
  const forge: Forge;
  export default forge;
}
