/**
 * How notes and own prompts are written and read under the lock (utils/lock/): the texts a person
 * wrote become ciphertext, the rest of a row (dates, ids, kinds) stays readable for the calendar
 * and the schedule. Each row says itself which form it is in, so plain, encrypted and sealed rows
 * can lie side by side while the lock is being turned on or off.
 *
 * The ciphertext is bound (AES-GCM additional data) to every readable field of its row and to the
 * key it is under, so an older ciphertext put back, a date or prompt changed, or a ciphertext moved
 * to another row does not open. Such a row, or one damaged on disk, is read as an unreadable note
 * with its dates, and never stops the rest of the journal. Rows written by earlier releases were
 * bound to the id alone; they are read only while the authenticated lock record still allows it.
 */
import * as v from 'valibot';
import { JournalLockedError } from '@/utils/errors';
import { decryptBytes, decryptText, encryptBytes, openSealedText, padded, sealBytes } from '@/utils/lock/crypto';
import type { KeySet, OpenKeys, ReadingKeys, Writer } from '@/utils/lock/keys';
import {
  FeelingSchema,
  toCustomPrompt,
  toEncryptedCustomPrompt,
  toEncryptedNote,
  toNote,
  toSealedNote,
  type CustomPrompt,
  type CustomPromptRow,
  type EncryptedCustomPrompt,
  type EncryptedNote,
  type Feeling,
  type Note,
  type NoteRow,
  type SealedNote,
} from '@/utils/model/records';

/** What a note's ciphertext holds: everything the person wrote or chose, the feeling too. */
interface NoteTexts {
  readonly answer: string;
  readonly promptText: string;
  readonly feeling?: Feeling;
  /** A conflict copy's link to its note (utils/sync/merge.ts): kept with the texts, never readable beside them. */
  readonly conflictOf?: string;
}

/** The readable fields of a note row: all of them are bound into its ciphertext. */
type NoteMeta = Pick<Note, 'id' | 'promptId' | 'promptKind' | 'locale' | 'createdAt' | 'updatedAt' | 'source'>;

/**
 * What a note's ciphertext is bound to: every readable field, and the key it is under (the data
 * key's id, or for a sealed note the public key's fingerprint). Exported for the tests.
 */
export function noteContext(meta: NoteMeta, key: string): string {
  const { id, promptId, promptKind, locale, createdAt, updatedAt, source } = meta;
  return JSON.stringify(['adempauze note v2', key, id, promptId, promptKind, locale, createdAt, updatedAt, source]);
}

/** What an own prompt's ciphertext is bound to, likewise. */
export function promptContext(meta: Pick<CustomPrompt, 'id' | 'createdAt' | 'updatedAt'>, key: string): string {
  return JSON.stringify(['adempauze prompt v2', key, meta.id, meta.createdAt, meta.updatedAt]);
}

/** The binding of rows written before every field was bound: the id alone. */
const legacyNoteContext = (id: string) => `note:${id}`;
const legacyPromptContext = (id: string) => `prompt:${id}`;

/** A note as it is stored with `writer`. */
export async function noteToRow(note: Note, writer: Writer): Promise<NoteRow> {
  if (writer.kind === 'plain') return note;
  const { answer, promptText, feeling, conflictOf, ...meta } = note;
  // Without a feeling (or a conflict) the texts are what they were before notes had one.
  const texts = JSON.stringify({ answer, promptText, ...(feeling && { feeling }), ...(conflictOf && { conflictOf }) } satisfies NoteTexts);
  // Padded: JSON.parse passes over the trailing spaces, the ciphertext's length shows only a bucket.
  if (writer.kind === 'encrypt') {
    const box = await encryptBytes(writer.key, padded(texts), noteContext(note, writer.keyId));
    return { ...meta, cipher: { ...box, v: 2, kid: writer.keyId } };
  }
  const box = await sealBytes(writer.publicKey, padded(texts), noteContext(note, writer.to));
  return { ...meta, sealed: { ...box, v: 2, to: writer.to } };
}

/** The key sets a row may be under: the current one and, while a key is replaced, the one before. */
const keySets = (keys: OpenKeys): KeySet[] => (keys.previous ? [keys, keys.previous] : [keys]);

/** The first of `tries` that opens; rejects when none does. */
async function firstOpening<T>(tries: readonly (() => Promise<T>)[]): Promise<T> {
  for (const attempt of tries) {
    try {
      return await attempt();
    } catch {
      // GCM refuses the wrong key or binding: the next may be right.
    }
  }
  throw new Error('No key opens it');
}

/** A sealed note sealed to a public key that is none of this lock's: the record's public key had been swapped. */
class WrongKeyError extends Error {}

/** The JSON of an encrypted or sealed note's texts; rejects when it does not open under the rules of `keys`. */
function openJson(row: EncryptedNote | SealedNote, keys: OpenKeys): Promise<string> {
  if ('cipher' in row) {
    const { cipher } = row;
    if (cipher.v === 2) {
      const kid = cipher.kid ?? '';
      const sets = keySets(keys).filter((set) => set.keyId === kid);
      return firstOpening(sets.map((set) => () => decryptText(set.dataKey, cipher, noteContext(row, kid))));
    }
    if (!keys.legacyRows) throw new Error('A row bound the earlier way, after every row was re-encrypted');
    return firstOpening(keySets(keys).map((set) => () => decryptText(set.dataKey, cipher, legacyNoteContext(row.id))));
  }
  const { sealed } = row;
  if (sealed.v === 2) {
    const to = sealed.to ?? '';
    const sets = keySets(keys).filter((set) => set.sealedTo === to);
    if (sets.length === 0) throw new WrongKeyError();
    return firstOpening(sets.map((set) => () => openSealedText(set.privateKey, sealed, noteContext(row, to))));
  }
  if (!keys.legacyRows) throw new Error('A row bound the earlier way, after every row was re-encrypted');
  return firstOpening(keySets(keys).map((set) => () => openSealedText(set.privateKey, sealed, legacyNoteContext(row.id))));
}

/** The texts of an encrypted or sealed note; rejects when they do not open. */
async function openTexts(row: EncryptedNote | SealedNote, keys: OpenKeys): Promise<NoteTexts> {
  const texts = JSON.parse(await openJson(row, keys)) as Record<keyof NoteTexts, unknown>;
  const { answer, promptText, feeling, conflictOf } = texts;
  if (typeof answer !== 'string' || typeof promptText !== 'string') throw new Error('Not the texts of a note');
  if (feeling !== undefined && !v.is(FeelingSchema, feeling)) throw new Error('Not a feeling');
  if (conflictOf !== undefined && typeof conflictOf !== 'string') throw new Error('Not a note id');
  return { answer, promptText, ...(feeling !== undefined && { feeling }), ...(conflictOf !== undefined && { conflictOf }) };
}

/** A note from the readable fields of its row and its texts, in the order of a plain note (utils/model/records.ts), so a backup reads the same. */
function noteOf(row: EncryptedNote | SealedNote, { answer, promptText, feeling, conflictOf }: NoteTexts): Note {
  const { id, promptId, promptKind, locale, createdAt, updatedAt, source } = row;
  const note = { id, promptId, promptText, promptKind, locale, answer, createdAt, updatedAt, source };
  return { ...note, ...(feeling !== undefined && { feeling }), ...(conflictOf !== undefined && { conflictOf }) };
}

/**
 * A stored row as a note: plain rows as they are, encrypted and sealed ones opened with `keys`
 * (JournalLockedError while locked). Undefined for a row that is no note at all. A plain row while
 * the lock is on (not being turned on or off) is no row the owner wrote: it is flagged `suspect`.
 */
export async function rowToNote(row: unknown, keys: ReadingKeys): Promise<Note | undefined> {
  const plain = toNote(row);
  if (plain) return typeof keys === 'object' && !keys.trustPlain ? { ...plain, suspect: 'plain' } : plain;
  const closed = toEncryptedNote(row) ?? toSealedNote(row);
  if (!closed) return undefined;
  if (keys === 'locked') throw new JournalLockedError();
  try {
    if (keys === 'off') throw new Error('No lock to open it with');
    return noteOf(closed, await openTexts(closed, keys));
  } catch (error) {
    const unreadable = { ...noteOf(closed, { answer: '', promptText: '' }), unreadable: true } as const;
    return error instanceof WrongKeyError ? { ...unreadable, suspect: 'wrong-key' } : unreadable;
  }
}

/** Whether a stored row is a note in any of its forms (plain, encrypted, sealed), without opening it. */
export function isNoteRow(row: unknown): row is NoteRow {
  return (toNote(row) ?? toEncryptedNote(row) ?? toSealedNote(row)) !== undefined;
}

/** Rows as notes, in order, damaged and foreign rows left out as before the lock. */
export async function rowsToNotes(rows: readonly unknown[], keys: ReadingKeys): Promise<Note[]> {
  const notes = await Promise.all(rows.map((row) => rowToNote(row, keys)));
  return notes.filter((note): note is Note => note !== undefined);
}

/**
 * Whether a row is in the form `writer` writes, so turning the lock on or off can pass it by: for
 * encryption, bound the current way and under the current key.
 */
export function isSettled(row: unknown, writer: Writer): boolean {
  const value = row as Record<string, unknown>;
  if (writer.kind === 'plain') return !('cipher' in value) && !('sealed' in value);
  const cipher = value.cipher as { v?: unknown; kid?: unknown } | undefined;
  return writer.kind === 'encrypt' && cipher !== undefined && cipher.v === 2 && cipher.kid === writer.keyId;
}

/**
 * An own prompt as it is stored with `writer`. Own prompts are written in the unlocked journal
 * only: there is no sealed form, and a write while locked is refused.
 */
export async function promptToRow(prompt: CustomPrompt, writer: Writer): Promise<CustomPromptRow> {
  if (writer.kind === 'seal') throw new JournalLockedError();
  if (writer.kind === 'plain') return prompt;
  const { text, ...meta } = prompt;
  const box = await encryptBytes(writer.key, padded(JSON.stringify({ text })), promptContext(prompt, writer.keyId));
  return { ...meta, cipher: { ...box, v: 2, kid: writer.keyId } };
}

const decoder = new TextDecoder();

/** An own prompt's text; rejects when it does not open under the rules of `keys`. */
async function openPromptText(row: EncryptedCustomPrompt, keys: OpenKeys): Promise<string> {
  const { cipher } = row;
  if (cipher.v === 2) {
    const kid = cipher.kid ?? '';
    const sets = keySets(keys).filter((set) => set.keyId === kid);
    const bytes = await firstOpening(sets.map((set) => () => decryptBytes(set.dataKey, cipher, promptContext(row, kid))));
    const { text } = JSON.parse(decoder.decode(bytes)) as { text?: unknown };
    if (typeof text !== 'string') throw new Error('Not the text of a prompt');
    return text;
  }
  if (!keys.legacyRows) throw new Error('A row bound the earlier way, after every row was re-encrypted');
  return firstOpening(keySets(keys).map((set) => () => decryptText(set.dataKey, cipher, legacyPromptContext(row.id))));
}

/**
 * A stored own prompt row as a prompt; undefined for a damaged one, and for a plain one while the
 * lock is on (own prompts are never written plain then: it is not the owner's); JournalLockedError
 * for an encrypted one while locked.
 */
export async function rowToPrompt(row: unknown, keys: ReadingKeys): Promise<CustomPrompt | undefined> {
  const plain = toCustomPrompt(row);
  if (plain) return typeof keys === 'object' && !keys.trustPlain ? undefined : plain;
  const closed = toEncryptedCustomPrompt(row);
  if (!closed || keys === 'off') return undefined;
  if (keys === 'locked') throw new JournalLockedError();
  const { id, createdAt, updatedAt } = closed;
  try {
    return { id, text: await openPromptText(closed, keys), createdAt, updatedAt };
  } catch {
    return undefined;
  }
}
