import { DecryptCommand, DescribeKeyCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { type CheckContext, defineChecks } from '@lab/checks';

const KEY_ALIAS = 'alias/pettracker-records';
const PET = 'rex-042';

/** A scanned certificate: well over the 4,096 bytes KMS Encrypt accepts. */
function certificate(petId: string): Uint8Array {
  const line = `Rabies, batch RB-2026-0142, given 2026-03-14, pet ${petId}\n`;
  return new TextEncoder().encode(`%PDF-1.7 vaccination certificate\n${line.repeat(120)}`);
}

type Sealer = (document: Uint8Array, petId: string) => Promise<unknown>;
type Opener = (sealed: unknown, petId: string) => Promise<unknown>;

function exported<T>(t: CheckContext, name: string, signature: string): T {
  const fn = t.exports[name];
  if (typeof fn !== 'function') t.fail(`Export the function \`${name}\`: \`export async function ${signature} { ... }\`.`);
  return fn as T;
}

/** The learner's seal() of one certificate, run once per run and shared by the tasks that inspect it. */
interface SealRun {
  document: Uint8Array;
  sealed?: unknown;
  error?: Error;
  /** Sequence numbers of the call log around the call: what seal() asked AWS. */
  from: number;
  to: number;
}
const seals = new WeakMap<object, Promise<SealRun>>();
const lastSeq = (t: CheckContext) => t.emulator.log.entries().at(-1)?.seq ?? 0;

function sealOnce(t: CheckContext): Promise<SealRun> {
  let run = seals.get(t.emulator);
  if (!run) {
    const seal = exported<Sealer>(t, 'seal', 'seal(document: Uint8Array, petId: string)');
    run = (async () => {
      const document = certificate(PET);
      const from = lastSeq(t);
      const out: SealRun = { document, from, to: from };
      try {
        out.sealed = await seal(document, PET);
      } catch (e) {
        out.error = e as Error;
      }
      out.to = lastSeq(t);
      return out;
    })();
    seals.set(t.emulator, run);
  }
  return run;
}

const kmsCallsOf = (t: CheckContext, run: SealRun, operation?: string) =>
  t.calls('kms', operation).filter((c) => c.seq > run.from && c.seq <= run.to);

/** What seal() returned, as a record; a failure when it threw or returned something else. */
async function sealedRecord(t: CheckContext): Promise<{ run: SealRun; record: Record<string, unknown> }> {
  const run = await sealOnce(t);
  if (run.error) t.fail(`seal() threw ${run.error.name}: ${run.error.message}. See the first task.`);
  const record = run.sealed;
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    t.fail(`seal() resolved to ${Array.isArray(record) ? 'an array' : typeof record}: return { encryptedKey, iv, ciphertext }.`);
  return { run, record: record as Record<string, unknown> };
}

/** The plaintext data key, found the only way a reader of the record could: KMS Decrypt of encryptedKey. */
async function unwrap(t: CheckContext, encryptedKey: unknown): Promise<Uint8Array | undefined> {
  if (!(encryptedKey instanceof Uint8Array) || encryptedKey.length === 0) return undefined;
  for (const context of [{ petId: PET }, undefined]) {
    try {
      const out = await t.kms.send(
        new DecryptCommand({ CiphertextBlob: encryptedKey, ...(context ? { EncryptionContext: context } : {}) }),
      );
      if (out.Plaintext) return out.Plaintext;
    } catch {
      // Try the next context; neither working means encryptedKey is no KMS ciphertext.
    }
  }
  return undefined;
}

async function dataKeyOf(t: CheckContext): Promise<{ run: SealRun; record: Record<string, unknown>; key: Uint8Array }> {
  const { run, record } = await sealedRecord(t);
  const key = await unwrap(t, record.encryptedKey);
  if (!key)
    t.fail(
      'The checks find the data key the way a reader of the record would, with KMS Decrypt of encryptedKey, and could not: store the encrypted data key first (the task above).',
    );
  return { run, record, key: key as Uint8Array };
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The ways a key shows up in text: base64, hex, or the list of byte values String(bytes) gives. */
function textForms(key: Uint8Array): [string, string][] {
  return [
    ['as base64', base64(key)],
    ['as hex', hex(key)],
    ['as a list of byte values', [...key].join(',')],
  ];
}

/** Where in the record the key sits (a field path and how it is written), if anywhere. */
function findKey(value: unknown, key: Uint8Array, path: string, seen = new Set<object>()): string | undefined {
  if (typeof value === 'string') {
    const form = textForms(key).find(([, text]) => value.includes(text));
    return form ? `${path}, ${form[0]}` : undefined;
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : value;
    return latin1(bytes).includes(latin1(key)) ? `${path}, as bytes` : findKey(latin1(bytes), key, path, seen);
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return findKey(value.join(','), key, path, seen);
  for (const [k, v] of value instanceof Map ? value : Object.entries(value)) {
    const found = findKey(v, key, path ? `${path}.${String(k)}` : String(k), seen);
    if (found) return found;
  }
  return undefined;
}

const sameBytes = (a: unknown, b: Uint8Array) =>
  a instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);

async function aesGcm(mode: 'encrypt' | 'decrypt', key: Uint8Array, iv: Uint8Array, data: Uint8Array) {
  const k = await crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [mode]);
  const algorithm = { name: 'AES-GCM', iv: new Uint8Array(iv) };
  const out = await (mode === 'encrypt'
    ? crypto.subtle.encrypt(algorithm, k, new Uint8Array(data))
    : crypto.subtle.decrypt(algorithm, k, new Uint8Array(data)));
  return new Uint8Array(out);
}

/** A record sealed by the checks themselves, as the brief describes it, for another pet. */
async function checksRecord(t: CheckContext, petId: string, document: Uint8Array) {
  const out = await t.kms.send(
    new GenerateDataKeyCommand({ KeyId: KEY_ALIAS, KeySpec: 'AES_256', EncryptionContext: { petId } }),
  );
  // A fixed iv, so that every run of the checks hands open() the same bytes (a wrong open() that
  // parses them fails the same way each time). It is safe here: this data key encrypts nothing else.
  const iv = Uint8Array.from({ length: 12 }, (_, i) => 0xa0 + i);
  const ciphertext = await aesGcm('encrypt', out.Plaintext as Uint8Array, iv, document);
  return { encryptedKey: out.CiphertextBlob as Uint8Array, iv, ciphertext };
}

export default defineChecks([
  {
    id: 'generates-data-key',
    title: 'seal() gets a data key from GenerateDataKey',
    run: async (t) => {
      const run = await sealOnce(t);
      const encrypts = kmsCallsOf(t, run, 'Encrypt');
      const tooLarge = encrypts.find((c) => c.outcome === 'ValidationException');
      if (tooLarge)
        t.fail(
          `seal() called Encrypt with the whole certificate, and KMS refused it (ValidationException): Encrypt takes at most 4,096 bytes, and this certificate has ${run.document.length.toLocaleString('en-US')}. Use envelope encryption: GenerateDataKey gives you a data key, and you encrypt the certificate with it yourself.`,
        );
      if (run.error) t.fail(`seal() threw ${run.error.name}: ${run.error.message}.`);
      const generated = kmsCallsOf(t, run, 'GenerateDataKey');
      if (encrypts.length > 0 && generated.length === 0)
        t.fail(
          `seal() made ${encrypts.length} Encrypt call${encrypts.length === 1 ? '' : 's'}: KMS saw the certificate itself, at most 4 KB per request. Ask GenerateDataKey for one data key and encrypt the certificate locally, so only the key travels to KMS.`,
        );
      if (generated.length === 0) {
        const without = kmsCallsOf(t, run, 'GenerateDataKeyWithoutPlaintext').length > 0;
        t.fail(
          without
            ? 'GenerateDataKeyWithoutPlaintext returns only the encrypted copy of the key, for a producer that encrypts later. To encrypt now you need its Plaintext too: call GenerateDataKey.'
            : "seal() made no GenerateDataKey call. Ask KMS for a data key: new GenerateDataKeyCommand({ KeyId: 'alias/pettracker-records', KeySpec: 'AES_256', EncryptionContext: { petId } }).",
        );
      }
      if (generated.length > 1)
        t.fail(
          `seal() called GenerateDataKey ${generated.length} times for one certificate. One data key encrypts the whole certificate: ask once.`,
        );
      const call = generated[0] as (typeof generated)[number];
      if (call.outcome !== 'ok') t.fail(`GenerateDataKey answered ${call.outcome}: ${call.message ?? ''}`);
      const [asked, records] = await Promise.all(
        [String(call.params.KeyId), KEY_ALIAS].map((KeyId) =>
          t.kms.send(new DescribeKeyCommand({ KeyId })).then((d) => d.KeyMetadata?.Arn),
        ),
      );
      if (asked !== records)
        t.fail(`GenerateDataKey used the key ${String(call.params.KeyId)}. Certificates use ${KEY_ALIAS}.`);
      if (call.params.KeySpec !== 'AES_256' && call.params.NumberOfBytes !== 32)
        t.fail(
          `GenerateDataKey asked for ${call.params.KeySpec ? `KeySpec ${String(call.params.KeySpec)}` : `${String(call.params.NumberOfBytes)} bytes`}. Ask for a 256-bit AES key: KeySpec: 'AES_256'.`,
        );
    },
  },
  {
    id: 'stores-encrypted-key',
    title: 'The record holds the encrypted data key',
    run: async (t) => {
      const { record } = await sealedRecord(t);
      const encryptedKey = record.encryptedKey;
      if (!(encryptedKey instanceof Uint8Array) || encryptedKey.length === 0)
        t.fail(
          `The record's encryptedKey is ${encryptedKey instanceof Uint8Array ? 'empty' : encryptedKey === undefined ? 'missing' : `a ${typeof encryptedKey}`}. Store GenerateDataKey's CiphertextBlob (a Uint8Array) as it comes.`,
        );
      if (!(await unwrap(t, encryptedKey)))
        t.fail(
          (encryptedKey as Uint8Array).length === 32
            ? "KMS can't decrypt encryptedKey, and it is 32 bytes long: that is the plaintext data key. Store CiphertextBlob, the copy encrypted under the KMS key."
            : "KMS can't decrypt encryptedKey. Store GenerateDataKey's CiphertextBlob unchanged: it is the only way back to the data key.",
        );
    },
  },
  {
    id: 'no-plaintext-key',
    title: 'The plaintext data key is neither stored nor logged',
    run: async (t) => {
      const { record, key } = await dataKeyOf(t);
      const stored = findKey(record, key, '');
      if (stored)
        t.fail(
          `The record seal() returned holds the plaintext data key (in ${stored}). Anyone who can read the bucket could decrypt the certificate with it: keep only CiphertextBlob, and erase Plaintext once the key is imported.`,
        );
      for (const [index, line] of t.output.entries()) {
        const form = textForms(key).find(([, text]) => line.text.includes(text));
        if (form)
          t.fail(
            `Console line ${index + 1} contains the plaintext data key (${form[0]}). Logs are read by more people than may read certificates: log sizes or the pet's id, never key material.`,
          );
      }
    },
  },
  {
    id: 'encrypts-locally',
    title: 'The certificate is encrypted with AES-GCM under the data key',
    run: async (t) => {
      const { run, record, key } = await dataKeyOf(t);
      const { iv, ciphertext } = record;
      if (!(ciphertext instanceof Uint8Array) || ciphertext.length === 0)
        t.fail('The record has no ciphertext: store the bytes crypto.subtle.encrypt returned, as a Uint8Array.');
      const text = latin1(ciphertext as Uint8Array);
      if (text.includes(latin1(run.document.subarray(0, 64))))
        t.fail('The record holds the certificate in clear. Encrypt it with the data key before storing it.');
      if (!(iv instanceof Uint8Array) || iv.length === 0)
        t.fail(
          'The record has no iv. AES-GCM cannot decrypt without the initialization vector used to encrypt: keep it next to the ciphertext (it is not secret), a new 12-byte one for every certificate.',
        );
      let plain: Uint8Array | undefined;
      try {
        plain = await aesGcm('decrypt', key, iv as Uint8Array, ciphertext as Uint8Array);
      } catch {
        plain = undefined;
      }
      if (!sameBytes(plain, run.document))
        t.fail(
          "The ciphertext does not decrypt with AES-GCM under the data key and the stored iv. Import the Plaintext key (crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt'])) and encrypt the whole certificate with crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, document).",
        );
    },
  },
  {
    id: 'encryption-context',
    title: 'The data key is bound to its pet (encryption context)',
    run: async (t) => {
      const run = await sealOnce(t);
      const call = kmsCallsOf(t, run, 'GenerateDataKey')[0];
      if (!call) t.fail('seal() made no GenerateDataKey call (see the first task).');
      const context = call?.params.EncryptionContext as Record<string, unknown> | undefined;
      if (!context || Object.keys(context).length === 0)
        t.fail(
          'GenerateDataKey had no EncryptionContext. Pass EncryptionContext: { petId }: KMS binds the encrypted data key to it, so a record copied to another pet cannot be opened, and CloudTrail shows which pet each request was for.',
        );
      if (Object.keys(context ?? {}).length !== 1 || context?.petId !== PET)
        t.fail(
          `GenerateDataKey's EncryptionContext was ${JSON.stringify(context)} for pet ${PET}. Use exactly { petId }, and the same in Decrypt.`,
        );
    },
  },
  {
    id: 'opens',
    title: 'open() decrypts the stored key with KMS and returns the certificate',
    run: async (t) => {
      const open = exported<Opener>(t, 'open', 'open(sealed: Sealed, petId: string)');
      const tryOpen = async (sealed: unknown, petId: string, what: string) => {
        const from = lastSeq(t);
        let value: unknown;
        try {
          value = await open(sealed, petId);
        } catch (e) {
          const err = e as Error;
          t.fail(
            err.name === 'InvalidCiphertextException'
              ? `open() of ${what} threw InvalidCiphertextException. Decrypt needs exactly the encryption context the key was generated with: EncryptionContext: { petId }.`
              : err.name === 'OperationError'
                ? `open() of ${what}: AES-GCM refused to decrypt (OperationError), so the key or the iv is not the one this certificate was encrypted with. Each record carries its own data key: Decrypt sealed.encryptedKey, and use sealed.iv.`
                : `open() of ${what} threw ${err.name}: ${err.message.replace(/\.+$/, '')}. It should send sealed.encryptedKey to Decrypt and AES-GCM-decrypt sealed.ciphertext with the key KMS returns.`,
          );
        }
        const calls = t.calls('kms').filter((c) => c.seq > from);
        return { value, decrypts: calls.filter((c) => c.operation === 'Decrypt').length, all: calls.length };
      };
      // A certificate sealed elsewhere (another instance of the API, last month): only its record is here.
      const otherPet = 'bella-007';
      const other = certificate(otherPet);
      const fromElsewhere = await tryOpen(await checksRecord(t, otherPet, other), otherPet, 'a certificate sealed elsewhere');
      if (!sameBytes(fromElsewhere.value, other))
        t.fail(
          fromElsewhere.decrypts === 0
            ? 'open() of a certificate sealed elsewhere did not call Decrypt and returned something else. Each record carries its own data key: send sealed.encryptedKey to Decrypt, then AES-GCM-decrypt the ciphertext with the key KMS returns.'
            : `open() of a certificate sealed elsewhere returned ${fromElsewhere.value instanceof Uint8Array ? 'other bytes' : typeof fromElsewhere.value}. Return the AES-GCM plaintext as a Uint8Array.`,
        );
      if (fromElsewhere.decrypts !== 1 || fromElsewhere.all !== 1)
        t.fail(
          `open() made ${fromElsewhere.all} KMS calls (${fromElsewhere.decrypts} Decrypt) for one certificate. It needs exactly one: Decrypt of the stored data key.`,
        );
      const run = await sealOnce(t);
      if (run.error || run.sealed === undefined) return; // seal() is the earlier tasks' business
      const own = await tryOpen(run.sealed, PET, 'the record seal() returned');
      if (!sameBytes(own.value, run.document))
        t.fail('open() of the record seal() returned did not give back the certificate.');
    },
  },
]);
