/**
 * The rows of IndexedDB: notes, pause events, own prompts and prompt preferences. Each row's
 * fields are listed once (`noteEntries`, ...); the database reads them with ROW_FIELDS, a backup
 * file checks them with its stricter rules (utils/model/backup.ts).
 */
import * as v from 'valibot';
import { oneOf, ROW_FIELDS, type FieldRules } from './fields';
import { EVENT_TYPES, LOCALES, NOTE_SOURCES, PROMPT_KINDS } from './values';

export type { NoteSource, PauseEventType } from './values';

/** The fields of a note: the answer, kept with the prompt exactly as it was shown. */
/* @__NO_SIDE_EFFECTS__ */
export function noteEntries(f: FieldRules) {
  return {
    id: f.id,
    promptId: f.id,
    promptText: f.text,
    promptKind: oneOf(PROMPT_KINDS),
    locale: oneOf(LOCALES),
    answer: f.writing,
    createdAt: f.time,
    updatedAt: f.time,
    source: oneOf(NOTE_SOURCES),
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
/** A stored pause event. */
export const PauseEventSchema = v.object(pauseEventEntries(ROW_FIELDS));
/** A stored own prompt. */
export const CustomPromptSchema = v.object(customPromptEntries(ROW_FIELDS));
/** A stored prompt preference. */
export const PromptPreferenceSchema = v.object(promptPreferenceEntries(ROW_FIELDS));

/** One answer, kept with the prompt exactly as it was shown, so it still reads right if the library changes. */
export type Note = Readonly<v.InferOutput<typeof NoteSchema>>;
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
/** A stored prompt preference row, narrowed. */
export const toPromptPreference: (row: unknown) => PromptPreference | undefined = reader(PromptPreferenceSchema);
