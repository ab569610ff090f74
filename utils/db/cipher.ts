/**
 * How notes and own prompts are written and read under the lock (utils/lock/): the texts a person
 * wrote become ciphertext, the rest of a row (dates, ids, kinds) stays readable for the calendar
 * and the schedule. Each row says itself which form it is in, so plain, encrypted and sealed rows
 * can lie side by side while the lock is being turned on or off.
 *
 * A row whose ciphertext does not open (damaged on disk, GCM's tag refuses it) is read as an
 * unreadable note with its dates, and never stops the rest of the journal.
 */
import * as v from 'valibot';
import { JournalLockedError } from '@/utils/errors';
import { decryptText, encryptText, openSealedText, sealText } from '@/utils/lock/crypto';
import type { OpenKeys, ReadingKeys, Writer } from '@/utils/lock/keys';
import {
  FeelingSchema,
  toCustomPrompt,
  toEncryptedCustomPrompt,
  toEncryptedNote,
  toNote,
  toSealedNote,
  type CustomPrompt,
  type CustomPromptRow,
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
}

/** Ciphertexts are bound to the record they belong to: one moved onto another record does not open. */
const noteContext = (id: string) => `note:${id}`;
const promptContext = (id: string) => `prompt:${id}`;

/** A note as it is stored with `writer`. */
export async function noteToRow(note: Note, writer: Writer): Promise<NoteRow> {
  if (writer.kind === 'plain') return note;
  const { answer, promptText, feeling, ...meta } = note;
  // Without a feeling the texts are what they were before notes had one.
  const texts = JSON.stringify((feeling === undefined ? { answer, promptText } : { answer, promptText, feeling }) satisfies NoteTexts);
  return writer.kind === 'encrypt'
    ? { ...meta, cipher: await encryptText(writer.key, texts, noteContext(note.id)) }
    : { ...meta, sealed: await sealText(writer.publicKey, texts, noteContext(note.id)) };
}

/** The texts of an encrypted or sealed note; rejects when they do not open. */
async function openTexts(row: EncryptedNote | SealedNote, keys: OpenKeys): Promise<NoteTexts> {
  const json =
    'cipher' in row
      ? await decryptText(keys.dataKey, row.cipher, noteContext(row.id))
      : await openSealedText(keys.privateKey, row.sealed, noteContext(row.id));
  const texts = JSON.parse(json) as Record<keyof NoteTexts, unknown>;
  const { answer, promptText, feeling } = texts;
  if (typeof answer !== 'string' || typeof promptText !== 'string') throw new Error('Not the texts of a note');
  if (feeling === undefined) return { answer, promptText };
  if (!v.is(FeelingSchema, feeling)) throw new Error('Not a feeling');
  return { answer, promptText, feeling };
}

/** A note from the readable fields of its row and its texts, in the order of a plain note (utils/model/records.ts), so a backup reads the same. */
function noteOf(row: EncryptedNote | SealedNote, { answer, promptText, feeling }: NoteTexts): Note {
  const { id, promptId, promptKind, locale, createdAt, updatedAt, source } = row;
  const note = { id, promptId, promptText, promptKind, locale, answer, createdAt, updatedAt, source };
  return feeling === undefined ? note : { ...note, feeling };
}

/**
 * A stored row as a note: plain rows as they are, encrypted and sealed ones opened with `keys`
 * (JournalLockedError while locked). Undefined for a row that is no note at all.
 */
export async function rowToNote(row: unknown, keys: ReadingKeys): Promise<Note | undefined> {
  const plain = toNote(row);
  if (plain) return plain;
  const closed = toEncryptedNote(row) ?? toSealedNote(row);
  if (!closed) return undefined;
  if (keys === 'locked') throw new JournalLockedError();
  try {
    if (keys === 'off') throw new Error('No lock to open it with');
    return noteOf(closed, await openTexts(closed, keys));
  } catch {
    return { ...noteOf(closed, { answer: '', promptText: '' }), unreadable: true };
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

/** Whether a row is in the form `writer` writes, so turning the lock on or off can pass it by. */
export function isSettled(row: unknown, writer: Writer): boolean {
  const value = row as Record<string, unknown>;
  return writer.kind === 'plain' ? !('cipher' in value) && !('sealed' in value) : 'cipher' in value;
}

/**
 * An own prompt as it is stored with `writer`. Own prompts are written in the unlocked journal
 * only: there is no sealed form, and a write while locked is refused.
 */
export async function promptToRow(prompt: CustomPrompt, writer: Writer): Promise<CustomPromptRow> {
  if (writer.kind === 'seal') throw new JournalLockedError();
  if (writer.kind === 'plain') return prompt;
  const { text, ...meta } = prompt;
  return { ...meta, cipher: await encryptText(writer.key, text, promptContext(prompt.id)) };
}

/** A stored own prompt row as a prompt; undefined for a damaged one, JournalLockedError for an encrypted one while locked. */
export async function rowToPrompt(row: unknown, keys: ReadingKeys): Promise<CustomPrompt | undefined> {
  const plain = toCustomPrompt(row);
  if (plain) return plain;
  const closed = toEncryptedCustomPrompt(row);
  if (!closed || keys === 'off') return undefined;
  if (keys === 'locked') throw new JournalLockedError();
  const { cipher, ...meta } = closed;
  try {
    return { ...meta, text: await decryptText(keys.dataKey, cipher, promptContext(closed.id)) };
  } catch {
    return undefined;
  }
}
