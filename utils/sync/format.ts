/**
 * What sync keeps on the person's WebDAV server, and nothing else: the server only ever holds
 * ciphertext and the wrapped key.
 *
 * - `keys.json`: the sync key (256 random bits), wrapped by the passphrase (PBKDF2) and by the
 *   recovery key (HKDF), as the lock wraps its data key (utils/lock/secrets.ts), plus the key's id.
 * - `n-00.bin` … `n-ff.bin`: the notes, spread over 256 files by their id (so a change rewrites one
 *   file of about 1/256 of the journal, and a sync with nothing to do is one folder listing),
 *   `prompts.bin` (own prompts) and `prefs.bin` (hidden prompts). Deletions travel as tombstones.
 *
 * A data file is one line of readable JSON (format, its own name, its version, the key's id, the
 * IV) and then the ciphertext: AES-256-GCM over the gzipped records, with that line as additional
 * data, so a file renamed onto another, an older version put back, or a header changed does not
 * open or is refused (utils/sync/engine.ts checks name and version against what it saw last).
 */
import * as v from 'valibot';
import { BACKUP_ROWS } from '@/utils/model/backup';
import { PBKDF2_ITERATIONS_MAX, PBKDF2_ITERATIONS_MIN } from '@/utils/model/lock';
import { encoder, fromBase64, randomBytes, subtle, toBase64 } from '@/utils/lock/crypto';
import type { CustomPrompt, Note, PromptPreference } from '@/utils/model/records';

export const KEYS_FILE = 'keys.json';
export const KEYS_FORMAT = 'adempauze-sync-keys';
export const FILE_FORMAT = 'adempauze-sync';
export const FORMAT_VERSION = 1;
/** The files' names: one per store, and the notes' spread over 256. */
export const PROMPTS_FILE = 'prompts.bin';
export const PREFS_FILE = 'prefs.bin';
const NOTE_FILE = /^n-[0-9a-f]{2}\.bin$/;

/** The note file an id belongs to: FNV-1a of the id (only to spread ids evenly, nothing secret). */
export function noteFileOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return `n-${((hash >>> 0) & 0xff).toString(16).padStart(2, '0')}.bin`;
}

/** Whether a name in the folder is one of sync's data files (anything else there is left alone). */
export function isDataFile(name: string): boolean {
  return NOTE_FILE.test(name) || name === PROMPTS_FILE || name === PREFS_FILE;
}

/** A deletion: the id and when it was deleted, so an edit made later elsewhere wins over it. */
export interface Tombstone {
  readonly id: string;
  readonly updatedAt: number;
  readonly deleted: true;
}

/** A hidden prompt, keyed like every synced record by `id` (the prompt's id). */
export type SyncPref = PromptPreference & { readonly id: string };
export type SyncRecord = Note | CustomPrompt | SyncPref | Tombstone;

export const isTombstone = (record: SyncRecord): record is Tombstone => 'deleted' in record;

const TIME = v.pipe(v.number(), v.integer(), v.minValue(Date.UTC(2000, 0, 1)), v.maxValue(Date.UTC(2100, 0, 1)));
const TombstoneSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/)),
  updatedAt: TIME,
  deleted: v.literal(true),
});
/** Records in a file are held to a backup file's rules: they come from elsewhere. */
const RECORDS: Record<'notes' | 'prompts' | 'prefs', v.GenericSchema<unknown, SyncRecord>> = {
  notes: v.union([TombstoneSchema, BACKUP_ROWS.notes]),
  prompts: v.union([TombstoneSchema, BACKUP_ROWS.prompts]),
  prefs: v.union([
    TombstoneSchema,
    v.pipe(
      v.strictObject({ id: v.string(), promptId: v.string(), hidden: v.boolean(), updatedAt: TIME }),
      v.check((pref) => pref.id === pref.promptId),
    ),
  ]),
};

export function kindOfFile(name: string): keyof typeof RECORDS {
  return name === PROMPTS_FILE ? 'prompts' : name === PREFS_FILE ? 'prefs' : 'notes';
}

/** The readable first line of a data file. */
const HeaderSchema = v.strictObject({
  format: v.literal(FILE_FORMAT),
  v: v.literal(FORMAT_VERSION),
  file: v.string(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  keyId: v.string(),
  iv: v.string(),
});
export type FileHeader = v.InferOutput<typeof HeaderSchema>;

/** Why a file was set aside instead of applied. */
export type FileProblem = 'damaged' | 'other-key' | 'wrong-place' | 'rolled-back' | 'newer-format';

export class SyncFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly file: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'SyncFileError';
  }
}

async function gzip(bytes: Uint8Array<ArrayBuffer>, direction: 'compress' | 'decompress'): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes])
    .stream()
    .pipeThrough(direction === 'compress' ? new CompressionStream('gzip') : new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const headerLine = (header: FileHeader): string => JSON.stringify(header);

/** A data file's bytes: its header line, a newline, and the encrypted, gzipped records. */
export async function encodeFile(
  key: CryptoKey,
  keyId: string,
  file: string,
  version: number,
  records: readonly SyncRecord[],
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(12);
  const header = headerLine({ format: FILE_FORMAT, v: FORMAT_VERSION, file, version, keyId, iv: toBase64(iv) });
  const plain = await gzip(encoder.encode(JSON.stringify({ records })), 'compress');
  const cipher = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(header) }, key, plain));
  const head = encoder.encode(`${header}\n`);
  const out = new Uint8Array(head.length + cipher.length);
  out.set(head);
  out.set(cipher, head.length);
  return out;
}

/** The header of a data file, read without the key; SyncFileError when it is none of ours. */
export function readHeader(bytes: Uint8Array, file: string): { header: FileHeader; headerText: string; cipher: Uint8Array<ArrayBuffer> } {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 1000) throw new SyncFileError('damaged', file);
  const headerText = new TextDecoder().decode(bytes.subarray(0, newline));
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerText);
  } catch {
    throw new SyncFileError('damaged', file);
  }
  const header = v.safeParse(HeaderSchema, parsed);
  if (!header.success) {
    const format = (parsed as { format?: unknown; v?: unknown } | null)?.format;
    const version = (parsed as { v?: unknown } | null)?.v;
    throw new SyncFileError(
      format === FILE_FORMAT && typeof version === 'number' && version > FORMAT_VERSION ? 'newer-format' : 'damaged',
      file,
    );
  }
  return { header: header.output, headerText, cipher: bytes.slice(newline + 1) };
}

/**
 * A data file's records: refused (SyncFileError) when it is under another key, named for another
 * place, or does not open (a single changed or missing byte), or holds anything that is not a record.
 */
export async function decodeFile(
  key: CryptoKey,
  keyId: string,
  file: string,
  bytes: Uint8Array,
): Promise<{ version: number; records: SyncRecord[] }> {
  const { header, headerText, cipher } = readHeader(bytes, file);
  if (header.keyId !== keyId) throw new SyncFileError('other-key', file);
  if (header.file !== file) throw new SyncFileError('wrong-place', file);
  let json: unknown;
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: encoder.encode(headerText) },
      key,
      cipher,
    );
    json = JSON.parse(new TextDecoder().decode(await gzip(new Uint8Array(plain), 'decompress')));
  } catch {
    throw new SyncFileError('damaged', file);
  }
  const parsed = v.safeParse(v.object({ records: v.array(RECORDS[kindOfFile(file)]) }), json);
  if (!parsed.success) throw new SyncFileError('damaged', file);
  return { version: header.version, records: parsed.output.records };
}

/** The sync key wrapped for the server: by the passphrase and by the recovery key. */
const WrapSchema = v.object({ iv: v.string(), data: v.string() });
export const KeysFileSchema = v.object({
  format: v.literal(KEYS_FORMAT),
  v: v.literal(FORMAT_VERSION),
  keyId: v.string(),
  createdAt: v.number(),
  passphrase: v.object({
    kdf: v.object({
      name: v.literal('PBKDF2'),
      hash: v.literal('SHA-256'),
      iterations: v.pipe(v.number(), v.integer(), v.minValue(PBKDF2_ITERATIONS_MIN), v.maxValue(PBKDF2_ITERATIONS_MAX)),
      salt: v.string(),
    }),
    key: WrapSchema,
  }),
  recovery: v.object({ kdf: v.object({ name: v.literal('HKDF'), hash: v.literal('SHA-256'), salt: v.string() }), key: WrapSchema }),
});
export type KeysFile = v.InferOutput<typeof KeysFileSchema>;

/** keys.json as stored, or undefined when it is not one (damaged, or from a newer version). */
export function parseKeysFile(bytes: Uint8Array): KeysFile | undefined {
  try {
    const parsed = v.safeParse(KeysFileSchema, JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}
