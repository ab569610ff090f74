/**
 * Backups of everything Adempauze keeps: a versioned JSON file that can be imported again, and
 * readable copies of the notes (Markdown, print). Uninstalling the extension deletes IndexedDB, so
 * the JSON file is the person's only way to keep their journal across a reinstall or a new device.
 *
 * An imported file is untrusted: it is checked whole with valibot before anything is written, and
 * every problem names its exact place (`notes[12].createdAt: expected a number`).
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import type { Prompt } from '@/content/prompts';
import { LOCALES, type Locale } from '@/utils/i18n/messages';
import { journalMessages, type JournalMessages } from '@/utils/i18n/journal';
import { forEachNoteBatch } from '@/utils/db/notes';
import { mergeSnapshot, readSnapshot, type MergeResult } from '@/utils/db/snapshot';
import type { CustomPrompt, Note, NoteSource, PauseEvent, PauseEventType, PromptPreference } from '@/utils/model/records';
import { refreshLibraryMirror } from '@/utils/prompts/library';
import { DELIVERIES, LANGUAGE_SETTINGS, LIMITS, validateSettings, type Settings, type SettingsProblems } from '@/utils/model/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { DAY, startOfDay } from '@/utils/time';

export const BACKUP_FORMAT = 'adempauze-backup';
export const BACKUP_VERSION = 1;

/** Everything Adempauze keeps, as one JSON document. Bump `version` when the shape changes. */
export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly exportedAt: number;
  readonly settings: Settings;
  readonly notes: readonly Note[];
  readonly events: readonly PauseEvent[];
  readonly prompts: readonly CustomPrompt[];
  readonly promptPrefs: readonly PromptPreference[];
}

/** What an import did, counted over every row in the file (notes, events, prompts, preferences). */
export type ImportSummary = MergeResult;

/** One thing wrong with a file: where (`notes[3].id`, empty for the file as a whole) and what, in the UI language. */
export interface BackupProblem {
  readonly path: string;
  readonly message: string;
}

/** The outcome of checking a file: the backup, or every problem found. */
export type BackupCheck = { readonly ok: true; readonly backup: Backup } | { readonly ok: false; readonly problems: readonly BackupProblem[] };

/** A file was refused; nothing was written. */
export class BackupError extends Error {
  constructor(readonly problems: readonly BackupProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'BackupError';
  }
}

/** Larger than any real backup (50,000 long notes are a few tens of MB); refused before it is read or parsed. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** Answers and prompt texts up to this many characters are kept; a longer one is not something a person typed. */
export const MAX_TEXT_LENGTH = 1_000_000;
/** Ids are generated (UUIDs) or library slugs; this keeps markup, paths and huge strings out of keys. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** Every stored time is epoch ms inside this range; anything else is a damaged or foreign file. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** A backup older than this gets a gentle reminder. */
export const BACKUP_REMINDER_AFTER = 30 * DAY;

const PROMPT_KINDS = ['question', 'step'] as const satisfies readonly Prompt['kind'][];
const NOTE_SOURCES = ['popup', 'pause'] as const satisfies readonly NoteSource[];
const EVENT_TYPES = ['offered', 'answered', 'skipped', 'snoozed', 'expired'] as const satisfies readonly PauseEventType[];

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

/** A problem as one line: `notes[12].createdAt: expected a number`. */
export function formatProblem(problem: BackupProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

const isRecord = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

function objectItem(input: Record<string, unknown>, key: string): v.ObjectPathItem {
  return { type: 'object', origin: 'value', input, key, value: input[key] };
}

/**
 * The schema of a version 1 file, with its messages in the person's language. It is strict on
 * purpose: unknown keys are refused rather than dropped, so a file that is not what it claims to
 * be is noticed, and own `__proto__` keys (which JSON.parse creates) never reach an object.
 *
 * HTML or script inside answers and prompt texts is accepted and stored literally: it is the
 * person's text, and every view renders text as text (never as markup), so it cannot run. Only
 * ids, which end up in keys and attributes, are held to a strict pattern.
 */
function backupSchema(t: JournalMessages) {
  // valibot's strict object reports a missing key and an unknown key through the schema's own
  // message; its issue tells them apart (an unknown key "expects never", a missing one has a path).
  const objectMessage = (issue: v.BaseIssue<unknown>): string =>
    issue.expected === 'never' ? t.backupUnknownField : issue.path ? t.backupMissing : t.backupExpectedObject;
  // valibot treats arrays as objects; a list where a record belongs is named as such.
  const record = <const Entries extends v.ObjectEntries>(entries: Entries) =>
    v.pipe(v.unknown(), v.check(isRecord, t.backupExpectedObject), v.strictObject(entries, objectMessage));

  const text = v.pipe(v.string(t.backupExpectedText), v.maxLength(MAX_TEXT_LENGTH, t.backupTooLong(MAX_TEXT_LENGTH)));
  // The store refuses empty answers and prompts; a file cannot bring them in either.
  const writing = v.pipe(text, v.check((value: string) => value.trim() !== '', t.backupBlank));
  const id = v.pipe(v.string(t.backupExpectedText), v.regex(ID_PATTERN, t.backupBadId));
  const wholeNumber = v.pipe(v.number(t.backupExpectedNumber), v.integer(t.backupExpectedWholeNumber));
  const time = v.pipe(wholeNumber, v.minValue(EARLIEST, t.backupBadTime), v.maxValue(LATEST, t.backupBadTime));
  const oneOf = <const Options extends readonly string[]>(options: Options) =>
    v.picklist(options, t.backupOneOf(options.join(', ')));
  /** A list whose rows are unique by `key`; a repeated id is named at its second place. */
  const list = <Row extends Record<string, unknown>, Key extends keyof Row & string>(
    name: string,
    row: v.GenericSchema<unknown, Row>,
    key: Key,
  ) =>
    v.pipe(
      v.array(row, t.backupExpectedList),
      v.rawCheck<Row[]>(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const rows = dataset.value;
        const first = new Map<unknown, number>();
        rows.forEach((current, index) => {
          const seen = first.get(current[key]);
          if (seen === undefined) first.set(current[key], index);
          else
            addIssue({
              message: t.backupDuplicateId(`${name}[${seen}]`),
              path: [{ type: 'array', origin: 'value', input: rows, key: index, value: current }, objectItem(current, key)],
            });
        });
      }),
    );

  const note = v.pipe(
    record({
      id,
      promptId: id,
      promptText: text,
      promptKind: oneOf(PROMPT_KINDS),
      locale: oneOf(LOCALES),
      answer: writing,
      createdAt: time,
      updatedAt: time,
      source: oneOf(NOTE_SOURCES),
    }),
    v.forward(
      // Checked even when other fields of the row are wrong, so every problem shows at once.
      v.partialCheck([['createdAt'], ['updatedAt']], (row) => row.updatedAt >= row.createdAt, t.backupAtLeast('createdAt')),
      ['updatedAt'],
    ),
  );
  const event = record({ id, type: oneOf(EVENT_TYPES), at: time, promptId: v.exactOptional(id) });
  const prompt = v.pipe(
    record({ id, text: writing, createdAt: time, updatedAt: time }),
    v.forward(
      v.partialCheck([['createdAt'], ['updatedAt']], (row) => row.updatedAt >= row.createdAt, t.backupAtLeast('createdAt')),
      ['updatedAt'],
    ),
  );
  const promptPref = record({ promptId: id, hidden: v.boolean(t.backupExpectedBoolean), updatedAt: time });

  const day = v.pipe(wholeNumber, v.minValue(0, t.backupRange(0, 6)), v.maxValue(6, t.backupRange(0, 6)));
  const settingsFields = record({
    pausesEnabled: v.boolean(t.backupExpectedBoolean),
    minIntervalMinutes: wholeNumber,
    maxIntervalMinutes: wholeNumber,
    activeStartMinutes: wholeNumber,
    activeEndMinutes: wholeNumber,
    activeDays: v.pipe(
      v.array(day, t.backupExpectedList),
      v.check((days: number[]) => new Set(days).size === days.length, t.backupRepeated),
    ),
    maxPerDay: wholeNumber,
    delivery: oneOf(DELIVERIES),
    language: oneOf(LANGUAGE_SETTINGS),
  });
  // Ranges and order come from the same rules the settings form uses, so a file can hold
  // exactly the settings a person could have chosen.
  const settings = v.pipe(
    settingsFields,
    v.rawCheck<v.InferOutput<typeof settingsFields>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problems: SettingsProblems = validateSettings(dataset.value);
      for (const field of Object.keys(problems) as (keyof Settings)[]) {
        const problem = problems[field];
        if (problem) addIssue({ message: settingsProblemMessage(field, problem, t), path: [objectItem(dataset.value, field)] });
      }
    }),
  );

  return record({
    format: v.literal(BACKUP_FORMAT, t.backupNotBackup),
    version: v.literal(BACKUP_VERSION, t.backupUnknownVersion),
    exportedAt: time,
    settings,
    notes: list('notes', note, 'id'),
    events: list('events', event, 'id'),
    prompts: list('prompts', prompt, 'id'),
    promptPrefs: list('promptPrefs', promptPref, 'promptId'),
  });
}

function settingsProblemMessage(field: keyof Settings, problem: 'range' | 'order' | 'empty', t: JournalMessages): string {
  if (problem === 'empty') return t.backupEmptyList;
  if (problem === 'order') return field === 'activeEndMinutes' ? t.backupLaterThan('activeStartMinutes') : t.backupAtLeast('minIntervalMinutes');
  const limits =
    field === 'minIntervalMinutes' || field === 'maxIntervalMinutes'
      ? LIMITS.intervalMinutes
      : field === 'activeStartMinutes' || field === 'activeEndMinutes'
        ? LIMITS.dayMinutes
        : LIMITS.maxPerDay;
  return t.backupRange(limits.min, limits.max);
}

/**
 * The format and version, checked first: a file from elsewhere or from a newer Adempauze gets one
 * clear sentence instead of a list of every field it does not have.
 */
function headerSchema(t: JournalMessages) {
  return v.pipe(
    v.unknown(),
    v.check(isRecord, t.backupNotBackupFile),
    v.looseObject(
      { format: v.literal(BACKUP_FORMAT, t.backupNotBackup), version: v.literal(BACKUP_VERSION, t.backupUnknownVersion) },
      (issue) => (issue.path?.[0]?.key === 'version' ? t.backupUnknownVersion : t.backupNotBackup),
    ),
  );
}

function problemsOf(issues: readonly v.BaseIssue<unknown>[]): BackupProblem[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Checks a backup file's text completely, writing nothing. Problems come in file order, each with
 * its place; messages are in the language of `t`.
 */
export function checkBackup(text: string, t: JournalMessages = journalMessages("en")): BackupCheck {
  // A UTF-8 file has at least as many bytes as its text has characters.
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, problems: [{ path: '', message: t.backupTooLarge(MAX_BACKUP_BYTES / 1024 / 1024) }] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', message: t.backupNotJson }] };
  }
  const config = { abortEarly: false, message: () => t.backupInvalidValue };
  const header = v.safeParse(headerSchema(t), data, config);
  if (!header.success) return { ok: false, problems: problemsOf(header.issues) };
  const result = v.safeParse(backupSchema(t), data, config);
  if (!result.success) return { ok: false, problems: problemsOf(result.issues) };
  const backup: Backup = result.output;
  return { ok: true, backup };
}

/** Checks a chosen file, refusing one that is too large before reading it into memory. */
export async function checkBackupFile(file: Pick<Blob, 'size' | 'text'>, t: JournalMessages = journalMessages("en")): Promise<BackupCheck> {
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, problems: [{ path: '', message: t.backupTooLarge(MAX_BACKUP_BYTES / 1024 / 1024) }] };
  return checkBackup(await file.text(), t);
}

/** Everything stored right now, as a backup made at `now`. */
export async function createBackup(now: number): Promise<Backup> {
  const [snapshot, settings] = await Promise.all([readSnapshot(), loadSettings()]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    settings,
    notes: snapshot.notes,
    events: snapshot.events,
    prompts: snapshot.prompts,
    promptPrefs: snapshot.promptPrefs,
  };
}

/** The file's text. Indented, so a person can open it and see their notes. */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
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

/**
 * Checks a backup file's text whole and, only when all of it is valid, imports it. Throws
 * BackupError (with every problem and its place) and writes nothing when the file is refused.
 */
export async function importBackup(
  text: string,
  onProgress?: (done: number, total: number) => void,
  t: JournalMessages = journalMessages("en"),
): Promise<ImportSummary> {
  const check = checkBackup(text, t);
  if (!check.ok) throw new BackupError(check.problems);
  return applyBackup(check.backup, onProgress);
}

const LAST_BACKUP_KEY = 'lastBackupAt';

/** When the last JSON export was made, if ever (on this device: storage.local). */
export async function loadLastBackupAt(): Promise<number | undefined> {
  const stored: unknown = (await browser.storage.local.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY];
  return typeof stored === 'number' && Number.isFinite(stored) ? stored : undefined;
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

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** `adempauze-backup-2026-11-25.json`, by the local date. */
export function backupFileName(now: number): string {
  return `adempauze-backup-${localDate(now)}.json`;
}

/** `adempauze-notes-2026-11-25.md`, by the local date. */
export function notesFileName(now: number): string {
  return `adempauze-notes-${localDate(now)}.md`;
}

function localDate(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/** Every readable note, newest first, read a page at a time. */
export async function loadAllNotes(): Promise<Note[]> {
  const notes: Note[] = [];
  await forEachNoteBatch(500, (batch) => notes.push(...batch));
  return notes;
}

/** Notes of one local day, newest first. */
export interface NotesDay {
  /** Local midnight of the day. */
  readonly day: number;
  readonly notes: readonly Note[];
}

/** Groups notes by local day, newest day and newest note first (ties by id, as the journal orders them). */
export function groupNotesByDay(notes: readonly Note[]): NotesDay[] {
  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const days: { day: number; notes: Note[] }[] = [];
  for (const note of sorted) {
    const day = startOfDay(note.createdAt);
    const last = days.at(-1);
    if (last?.day === day) last.notes.push(note);
    else days.push({ day, notes: [note] });
  }
  return days;
}

/** A day as a heading: "Wednesday, November 25, 2026" / "woensdag 25 november 2026". */
export function formatDay(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(ms);
}

/** A time of day: "2:20 PM" / "14:20". */
export function formatTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(ms);
}

/**
 * One line of the person's text, escaped so a Markdown renderer shows it literally: HTML becomes
 * entities (`<script>` stays text), inline markers are backslash-escaped (`*a*` is no emphasis),
 * and what would start a block at the line's start (`# `, `- `, `1. `, `===`, indentation) is
 * neutralised.
 */
function escapeMarkdownLine(line: string): string {
  const escaped = line
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]{}#~|$!]/g, '\\$&');
  return (
    escaped
      // Indentation would make a code block; entities keep the spaces without the meaning.
      .replace(/^[ \t]+/, (indent) => indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
      .replace(/^[-+=]/, '\\$&')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
  );
}

/**
 * A person's text as Markdown that renders literally, keeping their line breaks (a trailing
 * backslash is CommonMark's hard break) and their paragraphs.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    // Blank lines at a paragraph's edges would leave a stray hard break.
    .map((paragraph) => paragraph.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => paragraph.split('\n').map(escapeMarkdownLine).join('\\\n'))
    .join('\n\n');
}

/**
 * The notes as a Markdown document to read or keep: newest first, a heading per day in the UI
 * language, then each prompt, its kind and time, and the answer. The person's text is escaped, so
 * it shows exactly as written in any Markdown viewer.
 */
export function notesToMarkdown(notes: readonly Note[], locale: Locale, t: JournalMessages): string {
  const parts = [`# ${escapeMarkdownLine(`${t.journalTitle} · ${t.appName}`)}`];
  for (const { day, notes: dayNotes } of groupNotesByDay(notes)) {
    parts.push(`## ${escapeMarkdownLine(formatDay(day, locale))}`);
    for (const note of dayNotes) {
      const kind = note.promptKind === 'step' ? t.kindStep : t.kindQuestion;
      parts.push(
        `### ${escapeMarkdownLine(note.promptText.replace(/\s+/g, ' ').trim())}`,
        `*${escapeMarkdownLine(`${kind} · ${formatTime(note.createdAt, locale)}`)}*`,
        escapeMarkdown(note.answer),
      );
    }
  }
  return `${parts.join('\n\n')}\n`;
}
