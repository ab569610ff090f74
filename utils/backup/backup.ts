/**
 * The backup file (its shape is utils/model/backup.ts): made from everything stored, checked
 * whole before anything is written, merged back by id, and a reminder to make one now and then.
 * Uninstalling the extension deletes IndexedDB, so this file is the person's only way to keep
 * their journal across a reinstall or a new device.
 *
 * An imported file is untrusted: every problem is named at its exact place, in the person's
 * language (`notes[12].createdAt: expected a number`).
 *
 * With the lock on, the export is a locked file instead (utils/backup/locked.ts); this module
 * recognises one when it is chosen, and holds what it opens to the same rules.
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { journalMessages, type JournalMessages } from '@/utils/i18n/journal';
import { lockFileEn, type LockFileMessages } from '@/utils/i18n/lock-file.en';
import { mergeSnapshot, type MergeResult } from '@/utils/db/snapshot';
import { TIME, type Problem } from '@/utils/model/fields';
import { PBKDF2_ITERATIONS_MAX, PBKDF2_ITERATIONS_MIN } from '@/utils/model/lock';
import { expectedBytes } from '@/utils/model/lock-file';
import {
  BackupHeaderSchema,
  BackupSchema,
  LockedBackupHeaderSchema,
  LockedBackupSchema,
  MAX_TEXT_LENGTH,
  type Backup,
  type LockedBackup,
} from '@/utils/model/backup';
import { LIMITS, type SettingsRefusal } from '@/utils/model/settings';
import { refreshLibraryMirror } from '@/utils/prompts/library';
import { saveSettings } from '@/utils/storage/settings';
import { DAY, localDate } from '@/utils/time';

/** What an import did, counted over every row in the file (notes, events, prompts, preferences). */
export type ImportSummary = MergeResult;

/** One thing wrong with a file: where (`notes[3].id`, empty for the file as a whole) and what, in the UI language. */
export interface BackupProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The outcome of checking a file: the backup, or every problem found. A well-formed locked backup
 * (utils/backup/locked.ts) is not wrong but cannot be read yet: it comes back as `locked`, to be
 * opened with the passphrase or recovery key it was made with, and `problems` says so in one line
 * for a caller that cannot ask for them.
 */
export type BackupCheck =
  | { readonly ok: true; readonly backup: Backup }
  | { readonly ok: false; readonly problems: readonly BackupProblem[]; readonly locked?: LockedBackup };

/**
 * Larger than any real backup (50,000 long notes are a few tens of MB); refused before it is read
 * or parsed. Exported for the tests, which offer a file just over it.
 */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** A backup older than this gets a gentle reminder. */
const BACKUP_REMINDER_AFTER = 30 * DAY;

/** `notes[12].createdAt`: how people read a place in JSON. */
function formatPath(path: readonly v.IssuePathItem[] | undefined): string {
  let text = '';
  for (const item of path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    // A foreign key may be long or odd; quoted and cut short it still points at the place.
    else text += `[${JSON.stringify(String(key).slice(0, 40))}]`;
  }
  return text;
}

/**
 * The range of a settings field, as the settings form offers it: the field is the last name in
 * the path (`settings.maxPerDay`, `settings.activeDays[1]`, `settings.activeRanges[0].endMinutes`).
 */
function rangeOf(path: readonly v.IssuePathItem[]): { readonly min: number; readonly max: number } {
  const field: unknown = path.findLast((item) => typeof item.key === 'string')?.key;
  if (field === 'minIntervalMinutes' || field === 'maxIntervalMinutes') return LIMITS.intervalMinutes;
  if (field === 'startMinutes') return LIMITS.startMinutes;
  if (field === 'endMinutes') return LIMITS.endMinutes;
  // Active hours in a file made before ranges.
  if (field === 'activeStartMinutes' || field === 'activeEndMinutes') return LIMITS.dayMinutes;
  if (field === 'activeDays') return LIMITS.weekday;
  return LIMITS.maxPerDay;
}

/** The earlier field a field must not come before. */
function earlierOf(field: unknown): string {
  return field === 'maxIntervalMinutes' ? 'minIntervalMinutes' : field === 'activeEndMinutes' ? 'activeStartMinutes' : 'createdAt';
}

/** The refusals the model words itself (utils/model/fields.ts); every other issue is named by its type. */
const PROBLEMS: ReadonlySet<string> = new Set<Problem | SettingsRefusal>([
  'object',
  'blank',
  'time',
  'range',
  'order',
  'empty',
  'repeated',
  'duplicate',
  'same',
  'overlap',
  'many',
]);

/** Issues whose words need nothing but their kind: the message of each, by valibot's issue type or the model's code. */
const PLAIN_MESSAGES = {
  string: 'backupExpectedText',
  number: 'backupExpectedNumber',
  integer: 'backupExpectedWholeNumber',
  boolean: 'backupExpectedBoolean',
  array: 'backupExpectedList',
  regex: 'backupBadId',
  object: 'backupExpectedObject',
  blank: 'backupBlank',
  time: 'backupBadTime',
  empty: 'backupEmptyList',
  repeated: 'backupRepeated',
} as const satisfies Record<string, keyof JournalMessages>;

const isPlain = (kind: string): kind is keyof typeof PLAIN_MESSAGES => Object.hasOwn(PLAIN_MESSAGES, kind);

/** What an issue of the file's schema means, in the language of `t`. */
function problemMessage(issue: v.BaseIssue<unknown>, t: JournalMessages): string {
  const path = issue.path ?? [];
  const field = path.at(-1)?.key;
  const kind = PROBLEMS.has(issue.message) ? issue.message : issue.type;
  // A key missing from a loose object (the lock's keys in a locked backup) is named like one missing from a strict one.
  if (issue.type === 'object' && path.at(-1)?.origin === 'key') return t.backupMissing;
  if (isPlain(kind)) return t[PLAIN_MESSAGES[kind]];
  switch (kind) {
    case 'max_length':
      return t.backupTooLong(MAX_TEXT_LENGTH);
    case 'picklist':
      // A list's message names its allowed values (utils/model/fields.ts, oneOf).
      return t.backupOneOf(issue.message);
    case 'strict_object':
      // An unknown key "expects never"; a missing one is named by its key.
      return issue.expected === 'never' ? t.backupUnknownField : path.at(-1)?.origin === 'key' ? t.backupMissing : t.backupExpectedObject;
    case 'duplicate':
      return t.backupDuplicateId(issue.expected ?? '');
    case 'order':
      return field === 'activeEndMinutes' ? t.backupLaterThan(earlierOf(field)) : t.backupAtLeast(earlierOf(field));
    case 'range': {
      const { min, max } = rangeOf(path);
      return t.backupRange(min, max);
    }
    // An active range (`settings.activeRanges[1]`): its end, the other range it shares time with, or too many of them.
    case 'same':
      return t.backupOtherTimeThan('startMinutes');
    case 'overlap':
      return t.backupOverlaps(issue.expected ?? '');
    case 'many':
      return t.backupAtMost(LIMITS.activeRanges.max);
  }
  return t.backupInvalidValue;
}

/** A refusal of the model, typed so a misspelt code fails the type check. */
const code = (problem: Problem): string => problem;

/** What a lock's key outside its bounds (utils/model/lock.ts) means; undefined for every other issue. */
function boundsMessage(issue: v.BaseIssue<unknown>, t: LockFileMessages): string | undefined {
  if (issue.message === code('iterations')) return t.backupIterations(PBKDF2_ITERATIONS_MIN, PBKDF2_ITERATIONS_MAX);
  if (issue.message === code('bytes')) return t.backupBytes(expectedBytes((issue.path ?? []).map((item) => item.key)));
  return undefined;
}

/** What a refused header means: not a backup at all, or one of another version. */
function headerMessage(issue: v.BaseIssue<unknown>, t: JournalMessages): string {
  const key = issue.path?.[0]?.key;
  return key === 'version' ? t.backupUnknownVersion : key === 'format' ? t.backupNotBackup : t.backupNotBackupFile;
}

function problemsOf(issues: readonly v.BaseIssue<unknown>[], message: (issue: v.BaseIssue<unknown>) => string): BackupProblem[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: message(issue) }));
}

function tooLarge(t: JournalMessages): BackupCheck {
  return { ok: false, problems: [{ path: '', message: t.backupTooLarge(MAX_BACKUP_BYTES / 1024 / 1024) }] };
}

/**
 * Checks a backup file's text completely, writing nothing. Problems come in file order, each with
 * its place; messages are in the language of `t` (and of `words`, for a locked file's keys out of bounds). The format and version are checked first, so a
 * file from elsewhere or from a newer Adempauze gets one clear sentence. Of a locked backup only
 * the envelope is checked here; what it holds is checked once it is opened (openLockedBackup).
 * The page reaches it through checkBackupFile; the tests give it text.
 */
export function checkBackup(text: string, t: JournalMessages = journalMessages('en'), words: LockFileMessages = lockFileEn): BackupCheck {
  // A UTF-8 file has at least as many bytes as its text has characters.
  if (text.length > MAX_BACKUP_BYTES) return tooLarge(t);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', message: t.backupNotJson }] };
  }
  if (v.is(LockedBackupHeaderSchema, data)) {
    const locked = v.safeParse(LockedBackupSchema, data, { abortEarly: false });
    if (!locked.success) {
      const problems = problemsOf(locked.issues, (issue) => boundsMessage(issue, words) ?? problemMessage(issue, t));
      // Keys or a seal outside the bounds of what a lock makes: said in one sentence first, since the places alone (`lock.passphrase.kdf.iterations`) mean little to a person.
      const outOfBounds = locked.issues.some((issue) => boundsMessage(issue, words) !== undefined);
      return { ok: false, problems: outOfBounds ? [{ path: '', message: words.backupLockedKeysRefused }, ...problems] : problems };
    }
    return { ok: false, problems: [{ path: '', message: t.backupLockedAsk }], locked: locked.output };
  }
  const header = v.safeParse(BackupHeaderSchema, data);
  if (!header.success) return { ok: false, problems: problemsOf(header.issues, (issue) => headerMessage(issue, t)) };
  return checkBackupData(data, t);
}

/**
 * Holds parsed data to every rule of a version 1 file, writing nothing; problems as checkBackup
 * words them. Also what an opened locked backup passes through.
 */
export function checkBackupData(data: unknown, t: JournalMessages = journalMessages('en')): BackupCheck {
  const result = v.safeParse(BackupSchema, data, { abortEarly: false });
  if (!result.success) return { ok: false, problems: problemsOf(result.issues, (issue) => problemMessage(issue, t)) };
  return { ok: true, backup: result.output };
}

/** Checks a chosen file, refusing one that is too large before reading it into memory. */
export async function checkBackupFile(
  file: Pick<Blob, 'size' | 'text'>,
  t: JournalMessages = journalMessages('en'),
  words: LockFileMessages = lockFileEn,
): Promise<BackupCheck> {
  if (file.size > MAX_BACKUP_BYTES) return tooLarge(t);
  return checkBackup(await file.text(), t, words);
}

/**
 * Writes a checked backup: rows are merged by id in one transaction (the newer version wins, so
 * importing a file twice changes nothing), then the file's settings are applied.
 */
export async function applyBackup(backup: Backup, onProgress?: (done: number, total: number) => void): Promise<ImportSummary> {
  const summary = await mergeSnapshot(backup, onProgress);
  // mergeSnapshot reports only while rows are written; an empty file is done at once.
  if (summary.added + summary.updated + summary.unchanged === 0) onProgress?.(0, 0);
  await saveSettings(backup.settings);
  // Imported own prompts and hidden prompts take effect in the popup's next first paint.
  await refreshLibraryMirror();
  return summary;
}

const LAST_BACKUP_KEY = 'lastBackupAt';

/** When the last JSON export was made, if ever (on this device: storage.local). */
export async function loadLastBackupAt(): Promise<number | undefined> {
  const stored: unknown = (await browser.storage.local.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY];
  return v.is(TIME, stored) ? stored : undefined;
}

/** Remembers that a JSON export was made at `now`. */
export async function rememberBackup(now: number): Promise<void> {
  await browser.storage.local.set({ [LAST_BACKUP_KEY]: now });
}

/** Whether to remind the person to export: never exported ('none'), more than 30 days ago ('old'), or 'recent'. */
export function backupReminder(lastBackupAt: number | undefined, now: number): 'none' | 'old' | 'recent' {
  if (lastBackupAt === undefined) return 'none';
  return now - lastBackupAt > BACKUP_REMINDER_AFTER ? 'old' : 'recent';
}

/** `adempauze-backup-2026-11-25.json`, by the local date. */
export function backupFileName(now: number): string {
  return `adempauze-backup-${localDate(now)}.json`;
}
