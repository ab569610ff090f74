/**
 * The rows of IndexedDB: notes, pause events, own prompts and prompt preferences. Each row's
 * fields are listed once (`noteEntries`, ...); the database reads them with ROW_FIELDS, a backup
 * file checks them with its stricter rules (utils/model/backup.ts).
 */
import * as v from 'valibot';
import { oneOf, ROW_FIELDS, TIME, type FieldRules } from './fields';
import { BoxSchema, SealedBoxSchema } from './lock';
import { EVENT_TYPES, FEELINGS, LOCALES, NOTE_SOURCES, PROMPT_KINDS } from './values';

export type { Feeling, NoteSource, PauseEventType } from './values';

/** The fields of a note that stay readable under the lock: the calendar and the schedule need them. */
/* @__NO_SIDE_EFFECTS__ */
function noteMetaEntries(f: FieldRules) {
  return {
    id: f.id,
    promptId: f.id,
    promptKind: oneOf(PROMPT_KINDS),
    locale: oneOf(LOCALES),
    createdAt: f.time,
    updatedAt: f.time,
    source: oneOf(NOTE_SOURCES),
  };
}

/** One of the five feelings (utils/model/values.ts). */
export const FeelingSchema = oneOf(FEELINGS);

/**
 * The fields of a note: the answer, kept with the prompt exactly as it was shown, and how the moment
 * felt when the person chose to say. `feeling` is written by the person, so under the lock it is
 * encrypted with the texts (utils/db/cipher.ts), never among the readable fields above.
 */
/* @__NO_SIDE_EFFECTS__ */
export function noteEntries(f: FieldRules) {
  const { id, promptId, promptKind, locale, createdAt, updatedAt, source } = noteMetaEntries(f);
  // In the order files have always had, so an export is byte for byte what it was; a note without
  // a feeling has no such key at all.
  return {
    id,
    promptId,
    promptText: f.text,
    promptKind,
    locale,
    answer: f.writing,
    createdAt,
    updatedAt,
    source,
    feeling: v.optional(FeelingSchema),
    /**
     * On a conflict copy: the id of the note this text was written as. Sync keeps both texts when
     * one note was changed in two browsers (utils/sync/merge.ts); the journal says which is which.
     */
    conflictOf: v.optional(f.id),
  };
}

/** The fields of a pause event: something that happened to a pause, for the schedule and insights. */
/* @__NO_SIDE_EFFECTS__ */
export function pauseEventEntries(f: FieldRules) {
  return {
    id: f.id,
    type: oneOf(EVENT_TYPES),
    at: f.time,
    /** The prompt the pause offered, when there was one. */
    promptId: v.optional(f.id),
  };
}

/** The fields of a question the person wrote themselves; it joins the random choice. */
/* @__NO_SIDE_EFFECTS__ */
export function customPromptEntries(f: FieldRules) {
  return {
    id: f.id,
    text: f.writing,
    createdAt: f.time,
    updatedAt: f.time,
  };
}

/** The fields of how the person feels about one prompt: `hidden` is "not for me". */
/* @__NO_SIDE_EFFECTS__ */
export function promptPreferenceEntries(f: FieldRules) {
  return {
    promptId: f.id,
    hidden: v.boolean(),
    updatedAt: f.time,
  };
}

/** A stored note. */
export const NoteSchema = v.object(noteEntries(ROW_FIELDS));
/** A stored note under the lock: the answer and the prompt's text encrypted with the data key. */
export const EncryptedNoteSchema = v.object({ ...noteMetaEntries(ROW_FIELDS), cipher: BoxSchema });
/** A note saved while the journal was locked: sealed to the public key until the next unlock folds it in. */
export const SealedNoteSchema = v.object({ ...noteMetaEntries(ROW_FIELDS), sealed: SealedBoxSchema });
/** A stored own prompt under the lock: its text encrypted with the data key. */
export const EncryptedCustomPromptSchema = v.object({ id: v.string(), createdAt: TIME, updatedAt: TIME, cipher: BoxSchema });
/** A stored pause event. */
export const PauseEventSchema = v.object(pauseEventEntries(ROW_FIELDS));
/** A stored own prompt. */
export const CustomPromptSchema = v.object(customPromptEntries(ROW_FIELDS));
/** A stored prompt preference. */
export const PromptPreferenceSchema = v.object(promptPreferenceEntries(ROW_FIELDS));

/**
 * One answer, kept with the prompt exactly as it was shown, so it still reads right if the library
 * changes. `unreadable` marks an encrypted note whose ciphertext does not open (damaged on disk,
 * or changed: utils/db/cipher.ts): its dates and prompt id are known, its texts are empty.
 * `suspect` marks a note the lock says the owner did not write (NoteSuspicion).
 */
export type Note = Readonly<v.InferOutput<typeof NoteSchema>> & { readonly unreadable?: true; readonly suspect?: NoteSuspicion };

/**
 * Why a note is not trusted as the owner's: `plain`, stored readable while the lock was on (no page
 * writes one then); `wrong-key`, sealed to a public key that was not the lock's (swapped in storage).
 */
export type NoteSuspicion = 'plain' | 'wrong-key';
export type EncryptedNote = Readonly<v.InferOutput<typeof EncryptedNoteSchema>>;
export type SealedNote = Readonly<v.InferOutput<typeof SealedNoteSchema>>;
/** A note row as IndexedDB holds it: plain, encrypted, or sealed while locked. */
export type NoteRow = Note | EncryptedNote | SealedNote;
export type EncryptedCustomPrompt = Readonly<v.InferOutput<typeof EncryptedCustomPromptSchema>>;
/** An own prompt row as IndexedDB holds it. */
export type CustomPromptRow = CustomPrompt | EncryptedCustomPrompt;
/** Something that happened to a pause: the history behind the schedule and insights. */
export type PauseEvent = Readonly<v.InferOutput<typeof PauseEventSchema>>;
/** A question the person wrote themselves. */
export type CustomPrompt = Readonly<v.InferOutput<typeof CustomPromptSchema>>;
/** How the person feels about one prompt of the library or their own. */
export type PromptPreference = Readonly<v.InferOutput<typeof PromptPreferenceSchema>>;

/** What a caller provides for a new note; the store assigns id and times. */
export type NewNote = Omit<Note, 'id' | 'createdAt' | 'updatedAt'>;

/** Where the next page of the newest-first list starts: the index key of the last note shown. */
export type PageCursor = readonly [createdAt: number, id: string];

/** One page of the newest-first list of notes. */
export interface NotesPage {
  readonly notes: readonly Note[];
  /** Present when older notes exist. */
  readonly next?: PageCursor;
}

/**
 * A reader of stored rows: the row itself when it fits `schema`, else undefined. Rows written by
 * older versions or damaged on disk are never trusted blindly; a valid row is not copied.
 */
/* @__NO_SIDE_EFFECTS__ */
function reader<Row>(schema: v.GenericSchema<Row>): (row: unknown) => Row | undefined {
  return (row) => (v.is(schema, row) ? row : undefined);
}

/** A stored note row, narrowed. */
export const toNote: (row: unknown) => Note | undefined = reader(NoteSchema);
/** A stored event row, narrowed. */
export const toPauseEvent: (row: unknown) => PauseEvent | undefined = reader(PauseEventSchema);
/** A stored own prompt row, narrowed. */
export const toCustomPrompt: (row: unknown) => CustomPrompt | undefined = reader(CustomPromptSchema);
/** A stored encrypted note row, narrowed. */
export const toEncryptedNote: (row: unknown) => EncryptedNote | undefined = reader(EncryptedNoteSchema);
/** A stored sealed note row, narrowed. */
export const toSealedNote: (row: unknown) => SealedNote | undefined = reader(SealedNoteSchema);
/** A stored encrypted own prompt row, narrowed. */
export const toEncryptedCustomPrompt: (row: unknown) => EncryptedCustomPrompt | undefined = reader(EncryptedCustomPromptSchema);
/** A stored prompt preference row, narrowed. */
export const toPromptPreference: (row: unknown) => PromptPreference | undefined = reader(PromptPreferenceSchema);
