/**
 * The backup file: one versioned JSON document of everything Adempauze keeps, built from the
 * shapes of the model with the rules a file from elsewhere is held to. It is strict on purpose:
 * unknown keys are refused rather than dropped, so a file that is not what it claims to be is
 * noticed, and own `__proto__` keys (which JSON.parse creates) never reach an object.
 *
 * HTML or script inside answers and prompt texts is accepted and stored literally: it is the
 * person's text, and every view renders text as text (never as markup), so it cannot run. Only
 * ids, which end up in keys and attributes, are held to a strict pattern.
 *
 * Messages are `Problem` codes; utils/backup/backup.ts words them in the person's language.
 */
import * as v from 'valibot';
import { isRecord, type FieldRules, type Problem } from './fields';
import { FileLockKeysSchema, FileSealedBoxSchema } from './lock-file';
import { customPromptEntries, noteEntries, pauseEventEntries, promptPreferenceEntries } from './records';
import {
  FILE_SETTINGS_ENTRIES,
  hasLegacyHours,
  LEGACY_SETTINGS_ENTRIES,
  LEGACY_SETTINGS_ORDER,
  SETTINGS_ORDER,
  upgradeLegacyHours,
} from './settings';

/** What a backup file says it is (`format`), and the version of its shape (`version`). */
export const BACKUP_FORMAT = 'adempauze-backup';
export const BACKUP_VERSION = 1;
/** The version of a locked backup (utils/backup/locked.ts): everything sealed, see LockedBackupSchema. */
export const LOCKED_BACKUP_VERSION = 2;

/** Answers and prompt texts up to this many characters are kept; a longer one is not something a person typed. */
export const MAX_TEXT_LENGTH = 1_000_000;
/** Ids are generated (UUIDs) or library slugs; this keeps markup, paths and huge strings out of keys. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** Every time in a file is epoch ms inside this range; anything else is a damaged or foreign file. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const code = (problem: Problem): Problem => problem;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));

/** How a file holds each kind of field. */
const FILE_FIELDS: FieldRules = {
  id: v.pipe(v.string(), v.regex(ID_PATTERN)),
  text,
  // The store refuses empty answers and prompts; a file cannot bring them in either.
  writing: v.pipe(
    text,
    v.check((value) => value.trim() !== '', code('blank')),
  ),
  time: v.pipe(v.number(), v.integer(), v.minValue(EARLIEST, code('time')), v.maxValue(LATEST, code('time'))),
};

/** An object with exactly these fields; valibot's objects also take arrays, a file's rows may not be one. */
function record<const Entries extends v.ObjectEntries>(entries: Entries) {
  return v.pipe(v.unknown(), v.check(isRecord, code('object')), v.strictObject(entries));
}

const noteRow = record(noteEntries(FILE_FIELDS));
const customPromptRow = record(customPromptEntries(FILE_FIELDS));

/** Each row of a file, on its own: also what a row must be to be exported, so an exported file always imports. */
export const BACKUP_ROWS = {
  // A row changed before it was made is damaged; checked even when other fields are wrong, so every problem shows at once.
  notes: v.pipe(
    noteRow,
    v.forward(
      v.partialCheck([['createdAt'], ['updatedAt']], (row) => row.updatedAt >= row.createdAt, code('order')),
      ['updatedAt'],
    ),
  ),
  events: record(pauseEventEntries(FILE_FIELDS)),
  prompts: v.pipe(
    customPromptRow,
    v.forward(
      v.partialCheck([['createdAt'], ['updatedAt']], (row) => row.updatedAt >= row.createdAt, code('order')),
      ['updatedAt'],
    ),
  ),
  promptPrefs: record(promptPreferenceEntries(FILE_FIELDS)),
};

/**
 * A list whose rows are unique by `key`; a repeated one is named at its second place, with the
 * place of the first as the issue's `expected` (`notes[0]`).
 */
function list<Row extends Record<string, unknown>>(name: string, row: v.GenericSchema<unknown, Row>, key: keyof Row & string) {
  return v.pipe(
    v.array(row),
    v.rawCheck<Row[]>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const rows = dataset.value;
      const first = new Map<unknown, number>();
      rows.forEach((current, index) => {
        const seen = first.get(current[key]);
        if (seen === undefined) first.set(current[key], index);
        else
          addIssue({
            message: code('duplicate'),
            expected: `${name}[${seen}]`,
            path: [
              { type: 'array', origin: 'value', input: rows, key: index, value: current },
              { type: 'object', origin: 'value', input: current, key, value: current[key] },
            ],
          });
      });
    }),
    v.readonly(),
  );
}

/**
 * The format and version, checked first: a file from elsewhere or from a newer Adempauze gets one
 * clear sentence instead of a list of every field it does not have.
 */
export const BackupHeaderSchema = v.pipe(
  v.unknown(),
  v.check(isRecord, code('object')),
  v.looseObject({ format: v.literal(BACKUP_FORMAT), version: v.literal(BACKUP_VERSION) }),
);

/**
 * A file's settings, held to the same rules as the settings form: a file can hold exactly the
 * settings a person could have chosen. Files made before active ranges hold the one range a day
 * as two fields (`activeStartMinutes`, `activeEndMinutes`), held to the rules of then and
 * converted; a file holding both shapes is refused, its old fields as unknown.
 */
const CurrentFileSettingsSchema = v.pipe(record(FILE_SETTINGS_ENTRIES), ...SETTINGS_ORDER);
const LegacyFileSettingsSchema = v.pipe(record(LEGACY_SETTINGS_ENTRIES), ...LEGACY_SETTINGS_ORDER, v.transform(upgradeLegacyHours));
const FileSettingsSchema = v.lazy((settings) => (hasLegacyHours(settings) ? LegacyFileSettingsSchema : CurrentFileSettingsSchema));

/** A whole version 1 file. */
export const BackupSchema = v.pipe(
  record({
    format: v.literal(BACKUP_FORMAT),
    version: v.literal(BACKUP_VERSION),
    exportedAt: FILE_FIELDS.time,
    settings: FileSettingsSchema,
    notes: list('notes', BACKUP_ROWS.notes, 'id'),
    events: list('events', BACKUP_ROWS.events, 'id'),
    prompts: list('prompts', BACKUP_ROWS.prompts, 'id'),
    promptPrefs: list('promptPrefs', BACKUP_ROWS.promptPrefs, 'promptId'),
  }),
  v.readonly(),
);

/** Everything Adempauze keeps, as one JSON document. Bump `version` when the shape changes. */
export type Backup = v.InferOutput<typeof BackupSchema>;

/**
 * What makes a file a locked backup: the format, version 2 and a sealed box. A version 2 file
 * without one is no locked backup, and gets the plain header's sentence about versions.
 */
export const LockedBackupHeaderSchema = v.pipe(
  v.unknown(),
  v.check(isRecord, code('object')),
  v.looseObject({ format: v.literal(BACKUP_FORMAT), version: v.literal(LOCKED_BACKUP_VERSION), sealed: v.unknown() }),
);

/**
 * A locked backup: in plain text only its format and version, and the lock's keys it was made
 * under (all wrapped or public, utils/model/lock.ts), so the same passphrase or recovery key
 * opens it in any browser. Everything else is in `sealed`, sealed to the lock's public key.
 */
export const LockedBackupSchema = v.pipe(
  record({
    format: v.literal(BACKUP_FORMAT),
    version: v.literal(LOCKED_BACKUP_VERSION),
    lock: FileLockKeysSchema,
    sealed: FileSealedBoxSchema,
  }),
  v.readonly(),
);

export type LockedBackup = v.InferOutput<typeof LockedBackupSchema>;

/**
 * What a locked backup's sealed box holds: the moment and the settings, and every row exactly as
 * it was stored (encrypted rows still encrypted). Rows are only lists here: once opened they are
 * read and held to the rules of a version 1 file (BackupSchema).
 */
export const LockedContentSchema = v.object({
  exportedAt: v.unknown(),
  settings: v.unknown(),
  notes: v.array(v.unknown()),
  events: v.array(v.unknown()),
  prompts: v.array(v.unknown()),
  promptPrefs: v.array(v.unknown()),
});

export type LockedContent = v.InferOutput<typeof LockedContentSchema>;
