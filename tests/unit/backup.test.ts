import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyBackup,
  backupFileName,
  backupReminder,
  checkBackup,
  checkBackupFile,
  loadLastBackupAt,
  MAX_BACKUP_BYTES,
  rememberBackup,
  type BackupProblem,
  type ImportSummary,
} from '@/utils/backup/backup';
import { createBackup, serializeBackup } from '@/utils/backup/make';
import { journalMessages } from '@/utils/i18n/journal';
import { addNote, updateNoteFeeling } from '@/utils/db/notes';
import { addPauseEvent } from '@/utils/db/events';
import { closeDatabase } from '@/utils/db/connection';
import { putCustomPrompt, setPromptHidden } from '@/utils/db/prompts';
import { readSnapshot } from '@/utils/db/snapshot';
import type { Backup } from '@/utils/model/backup';
import type { CustomPrompt, Note, PauseEvent, PromptPreference } from '@/utils/model/records';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { DAY } from '@/utils/time';
import { DAMAGED_NOTES, writeRawRows } from './raw-rows';
import { SAMPLE_ROW, SAMPLE_TIME } from './sample-note';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toSearchEntry } from '@/utils/search/search';
import { tagCounts } from '@/utils/search/tag-tally';

const T0 = SAMPLE_TIME;

const NOTE: Note = SAMPLE_ROW;
const EVENT: PauseEvent = { id: 'event-1', type: 'answered', at: T0, promptId: 'q-beliefs' };
const PROMPT: CustomPrompt = { id: 'custom-1', text: 'What did I avoid today?', createdAt: T0, updatedAt: T0 };
const PREF: PromptPreference = { promptId: 'q-open-today', hidden: true, updatedAt: T0 };

type Json = Record<string, unknown>;

/** A valid file's data, as plain JSON objects a test can break in one place. */
function validData(): Json {
  return {
    format: 'adempauze-backup',
    version: 1,
    exportedAt: T0,
    settings: { ...DEFAULT_SETTINGS },
    notes: [NOTE],
    events: [EVENT],
    prompts: [PROMPT],
    promptPrefs: [PREF],
  };
}

const fileWith = (patch: Json): string => JSON.stringify({ ...validData(), ...patch });
/** A file whose second note (notes[1]) has these fields changed. */
const noteWith = (patch: Json): string => fileWith({ notes: [NOTE, { ...NOTE, id: 'note-2', ...patch }] });
const settingsWith = (patch: Json): string => fileWith({ settings: { ...DEFAULT_SETTINGS, ...patch } });
const without = (row: object, key: string): Json => Object.fromEntries(Object.entries(row).filter(([name]) => name !== key));
/**
 * Settings as a file made before active ranges holds them: one range as two fields, and neither
 * the discreet nor the on-this-day switch.
 */
const EARLIER_SETTINGS: Json = {
  pausesEnabled: true,
  minIntervalMinutes: 60,
  maxIntervalMinutes: 120,
  activeStartMinutes: 8 * 60,
  activeEndMinutes: 17 * 60,
  activeDays: [1, 2, 3, 4, 5],
  maxPerDay: 4,
  delivery: 'notification',
  language: 'browser',
};
const earlierSettingsWith = (patch: Json): string => fileWith({ settings: { ...EARLIER_SETTINGS, ...patch } });
/** A file whose active ranges are these, as [start, end] in minutes. */
const rangesWith = (...ranges: [number, number][]): string =>
  settingsWith({ activeRanges: ranges.map(([startMinutes, endMinutes]) => ({ startMinutes, endMinutes })) });

/** What is stored right now: the database and the settings. */
async function everything() {
  return { snapshot: await readSnapshot(), settings: await loadSettings() };
}

/** A problem as the Backup section shows it: `notes[12].createdAt: expected a number`. */
const line = (problem: BackupProblem): string => (problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`);

/** What the Backup section does with a chosen file: check it whole, and write only when all of it is valid. */
async function importFile(
  text: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; problems: string[] }> {
  const check = checkBackup(text);
  if (!check.ok) return { ok: false, problems: check.problems.map(line) };
  return { ok: true, summary: await applyBackup(check.backup, onProgress) };
}

/** Imports a file that must be valid, for what it did. */
async function importValid(text: string, onProgress?: (done: number, total: number) => void): Promise<ImportSummary> {
  const outcome = await importFile(text, onProgress);
  if (!outcome.ok) throw new Error(`Refused: ${outcome.problems.join('; ')}`);
  return outcome.summary;
}

/** A fresh device: empty database and empty extension storage. */
async function freshDevice(): Promise<void> {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  localStorage.clear();
}

/** Something already stored, so a refused import visibly leaves it alone. */
async function seed(): Promise<void> {
  await addNote({ ...NOTE, answer: 'already here' }, T0 - DAY);
  await addPauseEvent('offered', T0 - DAY);
  await saveSettings({ maxPerDay: 7, language: 'nl' });
}

const HUGE = 'x'.repeat(50 * 1024 * 1024);

/** [what is wrong, the file's text, the line the person must see]. */
const HOSTILE: readonly (readonly [string, () => string, string])[] = [
  ['truncated JSON', () => fileWith({}).slice(0, 150), journalMessages('en').backupNotJson],
  ['an empty file', () => '', journalMessages('en').backupNotJson],
  ['JSON with a trailing comma', () => '{"format": "adempauze-backup",}', journalMessages('en').backupNotJson],
  ['null', () => 'null', 'This is not an Adempauze backup file.'],
  ['an array instead of an object', () => '[]', 'This is not an Adempauze backup file.'],
  ['a bare string', () => '"adempauze-backup"', 'This is not an Adempauze backup file.'],
  [
    'another format',
    () => fileWith({ format: 'other-backup' }),
    'format: expected "adempauze-backup"; this is not an Adempauze backup file',
  ],
  [
    'no format',
    () => JSON.stringify(without(validData(), 'format')),
    'format: expected "adempauze-backup"; this is not an Adempauze backup file',
  ],
  ['an unknown version', () => fileWith({ version: 2 }), 'version: expected 1; this file may come from a newer Adempauze'],
  ['a version as text', () => fileWith({ version: '1' }), 'version: expected 1; this file may come from a newer Adempauze'],
  ['a __proto__ key at the top', () => fileWith({}).replace('{', '{"__proto__": {"polluted": true},'), '__proto__: unknown field'],
  [
    'a __proto__ key in a note',
    () => fileWith({}).replace('"id":"note-1"', '"__proto__":{"polluted":true},"id":"note-1"'),
    'notes[0].__proto__: unknown field',
  ],
  ['an extra key at the top', () => fileWith({ extra: 1 }), 'extra: unknown field'],
  ['an extra key with an odd name in a note', () => noteWith({ 'a b': 1 }), 'notes[1]["a b"]: unknown field'],
  ['an extra key in the settings', () => settingsWith({ theme: 'dark' }), 'settings.theme: unknown field'],
  ['notes as an object', () => fileWith({ notes: {} }), 'notes: expected a list'],
  ['events missing', () => JSON.stringify(without(validData(), 'events')), 'events: missing'],
  ['a note that is an array', () => fileWith({ notes: [NOTE, []] }), 'notes[1]: expected an object'],
  ['a note that is null', () => fileWith({ notes: [null] }), 'notes[0]: expected an object'],
  ['a note without an answer', () => fileWith({ notes: [NOTE, without({ ...NOTE, id: 'note-2' }, 'answer')] }), 'notes[1].answer: missing'],
  ['a date as text', () => noteWith({ createdAt: 'yesterday' }), 'notes[1].createdAt: expected a number'],
  ['NaN (null in JSON)', () => noteWith({ createdAt: Number.NaN }), 'notes[1].createdAt: expected a number'],
  ['Infinity (1e400)', () => noteWith({ createdAt: 424242 }).replace('424242', '1e400'), 'notes[1].createdAt: expected a whole number'],
  ['a fractional time', () => noteWith({ updatedAt: T0 + 0.5 }), 'notes[1].updatedAt: expected a whole number'],
  [
    'a time before 2000',
    () => noteWith({ createdAt: Date.UTC(1999, 11, 31) }),
    'notes[1].createdAt: expected a time between the years 2000 and 2100, in milliseconds',
  ],
  [
    'a time after 2100',
    () => noteWith({ updatedAt: Date.UTC(2100, 0, 2) }),
    'notes[1].updatedAt: expected a time between the years 2000 and 2100, in milliseconds',
  ],
  [
    'a time in seconds, not milliseconds',
    () => fileWith({ exportedAt: Math.floor(T0 / 1000) }),
    'exportedAt: expected a time between the years 2000 and 2100, in milliseconds',
  ],
  [
    'a negative event time',
    () => fileWith({ events: [{ ...EVENT, at: -1 }] }),
    'events[0].at: expected a time between the years 2000 and 2100, in milliseconds',
  ],
  ['updatedAt before createdAt', () => noteWith({ updatedAt: T0 - 1 }), 'notes[1].updatedAt: expected at least createdAt'],
  [
    'a prompt changed before it was made',
    () => fileWith({ prompts: [{ ...PROMPT, updatedAt: T0 - DAY }] }),
    'prompts[0].updatedAt: expected at least createdAt',
  ],
  ['a duplicate note id', () => fileWith({ notes: [NOTE, { ...NOTE, answer: 'other' }] }), 'notes[1].id: already used by notes[0]'],
  [
    'a duplicate event id',
    () => fileWith({ events: [EVENT, EVENT, { ...EVENT, id: 'e-3' }, EVENT] }),
    'events[3].id: already used by events[0]',
  ],
  [
    'a duplicate prompt preference',
    () => fileWith({ promptPrefs: [PREF, { ...PREF, hidden: false }] }),
    'promptPrefs[1].promptId: already used by promptPrefs[0]',
  ],
  [
    'script in an id',
    () => noteWith({ id: '<script>alert(1)</script>' }),
    'notes[1].id: expected an id of 1 to 100 letters, digits, - or _',
  ],
  [
    'an image tag in a prompt id',
    () => noteWith({ promptId: '"><img src=x onerror=alert(1)>' }),
    'notes[1].promptId: expected an id of 1 to 100 letters, digits, - or _',
  ],
  [
    'a path in an id',
    () => fileWith({ prompts: [{ ...PROMPT, id: '../../etc/passwd' }] }),
    'prompts[0].id: expected an id of 1 to 100 letters, digits, - or _',
  ],
  ['an empty id', () => noteWith({ id: '' }), 'notes[1].id: expected an id of 1 to 100 letters, digits, - or _'],
  ['an id of 101 characters', () => noteWith({ id: 'a'.repeat(101) }), 'notes[1].id: expected an id of 1 to 100 letters, digits, - or _'],
  ['an id that is a number', () => noteWith({ id: 5 }), 'notes[1].id: expected text'],
  ['a 50 MB answer', () => noteWith({ answer: HUGE }), 'notes[1].answer: too long (at most 1,000,000 characters)'],
  [
    'an answer one character too long',
    () => noteWith({ answer: 'a'.repeat(1_000_001) }),
    'notes[1].answer: too long (at most 1,000,000 characters)',
  ],
  ['a 50 MB id', () => noteWith({ id: HUGE }), 'notes[1].id: expected an id of 1 to 100 letters, digits, - or _'],
  ['an answer of only spaces', () => noteWith({ answer: ' \n\t ' }), 'notes[1].answer: expected some text, not only spaces'],
  ['an answer that is an object', () => noteWith({ answer: { text: 'hi' } }), 'notes[1].answer: expected text'],
  ['an unknown locale', () => noteWith({ locale: 'fr' }), 'notes[1].locale: expected one of: en, nl'],
  ['an unknown prompt kind', () => noteWith({ promptKind: 'line' }), 'notes[1].promptKind: expected one of: question, step'],
  ['an unknown source', () => noteWith({ source: 'sync' }), 'notes[1].source: expected one of: popup, pause'],
  [
    'an unknown event type',
    () => fileWith({ events: [{ ...EVENT, type: 'clicked' }] }),
    'events[0].type: expected one of: offered, answered, skipped, snoozed, expired',
  ],
  ['an event prompt of null', () => fileWith({ events: [{ ...EVENT, promptId: null }] }), 'events[0].promptId: expected text'],
  ['hidden as text', () => fileWith({ promptPrefs: [{ ...PREF, hidden: 'yes' }] }), 'promptPrefs[0].hidden: expected true or false'],
  ['settings as a list', () => fileWith({ settings: [] }), 'settings: expected an object'],
  ['settings without a field', () => fileWith({ settings: without(DEFAULT_SETTINGS, 'delivery') }), 'settings.delivery: missing'],
  ['too many pauses a day', () => settingsWith({ maxPerDay: 99 }), 'settings.maxPerDay: expected a whole number from 1 to 12'],
  [
    'an interval out of order',
    () => settingsWith({ minIntervalMinutes: 120, maxIntervalMinutes: 60 }),
    'settings.maxIntervalMinutes: expected at least minIntervalMinutes',
  ],
  [
    'active hours out of order, in a file made before active ranges',
    () => earlierSettingsWith({ activeStartMinutes: 600, activeEndMinutes: 540 }),
    'settings.activeEndMinutes: expected later than activeStartMinutes',
  ],
  [
    'active hours out of bounds, in a file made before active ranges',
    () => earlierSettingsWith({ activeStartMinutes: -60 }),
    'settings.activeStartMinutes: expected a whole number from 0 to 1440',
  ],
  ['an unknown key in a file made before active ranges', () => earlierSettingsWith({ theme: 'dark' }), 'settings.theme: unknown field'],
  [
    'both the old active hours and the active ranges',
    () => settingsWith({ activeStartMinutes: 540, activeEndMinutes: 1080 }),
    'settings.activeStartMinutes: unknown field',
  ],
  ['no active ranges', () => fileWith({ settings: without(DEFAULT_SETTINGS, 'activeRanges') }), 'settings.activeRanges: missing'],
  ['an empty list of active ranges', () => rangesWith(), 'settings.activeRanges: expected at least one'],
  ['four active ranges', () => rangesWith([60, 120], [180, 240], [300, 360], [420, 480]), 'settings.activeRanges: expected at most 3'],
  ['active ranges as text', () => settingsWith({ activeRanges: '09:00-17:00' }), 'settings.activeRanges: expected a list'],
  [
    'an unknown key in an active range',
    () => settingsWith({ activeRanges: [{ startMinutes: 540, endMinutes: 1080, label: 'work' }] }),
    'settings.activeRanges[0].label: unknown field',
  ],
  [
    'an active range without its end',
    () => settingsWith({ activeRanges: [{ startMinutes: 540 }] }),
    'settings.activeRanges[0].endMinutes: missing',
  ],
  [
    'a range starting at the end of the day',
    () => rangesWith([540, 600], [1440, 60]),
    'settings.activeRanges[1].startMinutes: expected a whole number from 0 to 1439',
  ],
  [
    'a range ending at 0 (midnight is 1440)',
    () => rangesWith([1320, 0]),
    'settings.activeRanges[0].endMinutes: expected a whole number from 1 to 1440',
  ],
  [
    'a range ending when it starts',
    () => rangesWith([540, 600], [720, 720]),
    'settings.activeRanges[1].endMinutes: expected a time other than startMinutes',
  ],
  ['overlapping ranges', () => rangesWith([540, 720], [700, 1080]), 'settings.activeRanges[1]: overlaps activeRanges[0]'],
  [
    'a night range overlapping the next morning',
    () => rangesWith([480, 720], [780, 1020], [1320, 540]),
    'settings.activeRanges[2]: overlaps activeRanges[0]',
  ],
  ['no active days', () => settingsWith({ activeDays: [] }), 'settings.activeDays: expected at least one'],
  ['a repeated day', () => settingsWith({ activeDays: [1, 1] }), 'settings.activeDays: expected each value only once'],
  ['a day that does not exist', () => settingsWith({ activeDays: [1, 7] }), 'settings.activeDays[1]: expected a whole number from 0 to 6'],
  ['an unknown delivery', () => settingsWith({ delivery: 'email' }), 'settings.delivery: expected one of: notification, window, badge'],
  ['an unknown language', () => settingsWith({ language: 'de' }), 'settings.language: expected one of: browser, en, nl'],
  ['pauses enabled as text', () => settingsWith({ pausesEnabled: 'true' }), 'settings.pausesEnabled: expected true or false'],
];

describe('refusing a hostile or malformed backup', () => {
  beforeEach(seed);

  it.each(HOSTILE)('refuses %s, names the place, and changes nothing', async (_name, text, problem) => {
    const before = await everything();
    const outcome = await importFile(text());
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.problems).toContain(problem);
    expect(await everything()).toEqual(before);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('lists every problem in file order, not only the first', () => {
    const check = checkBackup(
      fileWith({
        notes: [
          { ...NOTE, createdAt: 'x' },
          { ...NOTE, id: 'n-2', locale: 'de', answer: 7 },
        ],
        events: [{ ...EVENT, type: 'x' }],
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.map(line)).toEqual([
      'notes[0].createdAt: expected a number',
      'notes[1].locale: expected one of: en, nl',
      'notes[1].answer: expected text',
      'events[0].type: expected one of: offered, answered, skipped, snoozed, expired',
    ]);
  });

  it('explains problems in Dutch for a Dutch interface', () => {
    const check = checkBackup(noteWith({ createdAt: 'gisteren' }), journalMessages('nl'));
    expect(check.ok ? [] : check.problems.map(line)).toEqual(['notes[1].createdAt: verwacht een getal']);
  });

  it('names every refused active range, each at its place, in Dutch too', () => {
    const text = rangesWith([540, 720], [600, 600], [700, 800]);
    const lines = (check: ReturnType<typeof checkBackup>) => (check.ok ? [] : check.problems.map(line));
    expect(lines(checkBackup(text))).toEqual([
      'settings.activeRanges[1].endMinutes: expected a time other than startMinutes',
      'settings.activeRanges[2]: overlaps activeRanges[0]',
    ]);
    expect(lines(checkBackup(text, journalMessages('nl')))).toEqual([
      'settings.activeRanges[1].endMinutes: verwacht een andere tijd dan startMinutes',
      'settings.activeRanges[2]: overlapt met activeRanges[0]',
    ]);
  });

  it('refuses a file over 200 MB before parsing it', () => {
    const check = checkBackup(' '.repeat(MAX_BACKUP_BYTES + 1));
    expect(check.ok ? [] : check.problems.map(line)).toEqual(['The file is larger than 200 MB: too large for an Adempauze backup.']);
  });

  it('refuses a chosen file over 200 MB without reading it', async () => {
    const file = {
      size: MAX_BACKUP_BYTES + 1,
      text: () => Promise.reject(new Error('read a file that is too large')),
    };
    const check = await checkBackupFile(file, journalMessages('nl'));
    expect(check.ok ? [] : check.problems.map(line)).toEqual([
      'Het bestand is groter dan 200 MB: te groot voor een reservekopie van Adempauze.',
    ]);
  });
});

describe('export and import', () => {
  async function fillEverything(): Promise<void> {
    await saveSettings({ ...DEFAULT_SETTINGS, maxPerDay: 6, activeDays: [0, 2, 4], delivery: 'window', language: 'nl' });
    await addNote({ ...NOTE, answer: 'ë'.repeat(99_999) + '.' }, T0 - 3 * DAY);
    // Markup and script in a person's text are data: stored and given back literally.
    await addNote(
      {
        ...NOTE,
        promptText: '<b>What</b> <script>alert("prompt")</script> do I need?',
        answer: '<img src=x onerror=alert(1)>\n<script>document.cookie</script>\n# not a heading & *not emphasis*',
      },
      T0 - DAY,
    );
    await addNote({ ...NOTE, promptKind: 'step', locale: 'nl', source: 'pause', answer: 'Regel één\r\nRegel twee 🌱\u0000' }, T0);
    await addPauseEvent('offered', T0 - 2 * DAY);
    await addPauseEvent('answered', T0, 'q-beliefs');
    await putCustomPrompt({ ...PROMPT, text: 'Wat <em>vermijd</em> ik?' });
    await setPromptHidden('q-open-today', true, T0);
  }

  it('gives back exactly what was exported, in a fresh browser', async () => {
    await fillEverything();
    const { backup: exported, skipped } = await createBackup(T0);
    const text = serializeBackup(exported);
    expect(skipped).toEqual({ notes: 0, events: 0, prompts: 0, promptPrefs: 0 });
    expect(exported.notes).toHaveLength(3);
    expect(exported.settings.maxPerDay).toBe(6);

    await freshDevice();
    expect((await readSnapshot()).notes).toEqual([]);
    const summary = await importValid(text);

    expect(summary).toEqual({ added: 3 + 2 + 1 + 1, updated: 0, unchanged: 0 });
    const { backup: imported } = await createBackup(T0);
    expect(imported).toEqual(exported);
    expect(serializeBackup(imported)).toBe(text);
  });

  it('keeps a 100,000-character answer and markup in text exactly as written', async () => {
    await fillEverything();
    const text = serializeBackup((await createBackup(T0)).backup);
    await freshDevice();
    await importValid(text);
    const { notes, prompts } = await readSnapshot();
    expect(notes.map((note) => note.answer.length)).toContain(100_000);
    const html = notes.find((note) => note.answer.startsWith('<img'));
    expect(html?.answer).toBe('<img src=x onerror=alert(1)>\n<script>document.cookie</script>\n# not a heading & *not emphasis*');
    expect(html?.promptText).toBe('<b>What</b> <script>alert("prompt")</script> do I need?');
    expect(prompts[0]?.text).toBe('Wat <em>vermijd</em> ik?');
  });

  it('changes nothing when the same file is imported twice', async () => {
    await fillEverything();
    const text = serializeBackup((await createBackup(T0)).backup);
    await freshDevice();
    await importValid(text);
    const once = await everything();
    expect(await importValid(text)).toEqual({ added: 0, updated: 0, unchanged: 7 });
    expect(await everything()).toEqual(once);
  });

  it('merges by id: a newer note replaces the stored one, an older one does not', async () => {
    await importValid(fileWith({ notes: [NOTE, { ...NOTE, id: 'note-2' }] }));
    const newer = { ...NOTE, answer: 'edited later', updatedAt: T0 + DAY };
    const older = { ...NOTE, id: 'note-2', answer: 'an old draft', createdAt: T0 - DAY, updatedAt: T0 - DAY };
    const summary = await importValid(
      fileWith({ notes: [newer, older, { ...NOTE, id: 'note-3' }], events: [], prompts: [], promptPrefs: [] }),
    );
    expect(summary).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const { notes } = await readSnapshot();
    expect(notes.find((note) => note.id === 'note-1')?.answer).toBe('edited later');
    expect(notes.find((note) => note.id === 'note-2')?.answer).toBe(NOTE.answer);
  });

  it('imports a file made before active ranges: its hours become one range, the switches it lacks their defaults', async () => {
    await importValid(fileWith({ settings: EARLIER_SETTINGS }));
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      activeRanges: [{ startMinutes: 480, endMinutes: 1020 }],
    });
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Json;
    expect(Object.keys(stored)).not.toContain('activeStartMinutes');
    expect(Object.keys(stored)).not.toContain('activeEndMinutes');
    // The next export is in the new shape.
    const { backup } = await createBackup(T0);
    expect(backup.settings.activeRanges).toEqual([{ startMinutes: 480, endMinutes: 1020 }]);
    expect(Object.keys(backup.settings)).not.toContain('activeStartMinutes');
  });

  it('gives back three active ranges, one crossing midnight, exactly as exported', async () => {
    const activeRanges = [
      { startMinutes: 7 * 60, endMinutes: 9 * 60 },
      { startMinutes: 12 * 60, endMinutes: 13 * 60 },
      { startMinutes: 21 * 60, endMinutes: 60 },
    ];
    await saveSettings({ activeRanges });
    const text = serializeBackup((await createBackup(T0)).backup);
    expect(JSON.parse(text)).toMatchObject({ settings: { activeRanges } });
    expect(text).not.toContain('activeStartMinutes');
    await freshDevice();
    await importValid(text);
    expect((await loadSettings()).activeRanges).toEqual(activeRanges);
    expect(serializeBackup((await createBackup(T0)).backup)).toBe(text);
  });

  it('stores the ranges of a file sorted by start', async () => {
    await importValid(rangesWith([1320, 60], [540, 1020]));
    const stored = (await fakeBrowser.storage.sync.get('settings')).settings as Json;
    expect(stored.activeRanges).toEqual([
      { startMinutes: 540, endMinutes: 1020 },
      { startMinutes: 1320, endMinutes: 60 },
    ]);
  });

  it('applies the settings from the file', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, pausesEnabled: false, maxPerDay: 2, language: 'en' };
    await importValid(fileWith({ settings }));
    expect(await loadSettings()).toEqual(settings);
  });

  it('reports progress up to the total', async () => {
    const notes = Array.from({ length: 250 }, (_, i) => ({ ...NOTE, id: `n-${i}`, createdAt: T0 + i, updatedAt: T0 + i }));
    const progress: [number, number][] = [];
    await importValid(fileWith({ notes }), (done, total) => progress.push([done, total]));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual([253, 253]);
    expect(progress.every(([done], i) => i === 0 || done > (progress[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('reports an empty backup as done at once', async () => {
    const progress: [number, number][] = [];
    const summary = await importValid(fileWith({ notes: [], events: [], prompts: [], promptPrefs: [] }), (done, total) =>
      progress.push([done, total]),
    );
    expect(summary).toEqual({ added: 0, updated: 0, unchanged: 0 });
    expect(progress).toEqual([[0, 0]]);
  });

  it('accepts an event without a prompt and a file made at the edges of the allowed time', () => {
    const backup: Backup = {
      format: 'adempauze-backup',
      version: 1,
      exportedAt: Date.UTC(2100, 0, 1),
      settings: DEFAULT_SETTINGS,
      notes: [{ ...NOTE, createdAt: Date.UTC(2000, 0, 1), updatedAt: Date.UTC(2100, 0, 1) }],
      events: [{ id: 'e', type: 'expired', at: T0 }],
      prompts: [],
      promptPrefs: [],
    };
    expect(checkBackup(serializeBackup(backup))).toEqual({ ok: true, backup });
  });

  it('names its file by the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe('adempauze-backup-2026-01-05.json');
  });
});

describe('exporting past damaged rows', () => {
  it('leaves a damaged row out of the file and counts it; the file imports cleanly', async () => {
    const good = await addNote(NOTE, T0);
    await addPauseEvent('offered', T0);
    await writeRawRows('notes', DAMAGED_NOTES);
    await writeRawRows('events', [{ id: 'damaged-event', type: 'clicked', at: T0 }]);
    await writeRawRows('prompts', [{ id: 'damaged-prompt', text: 7, createdAt: T0, updatedAt: T0 }]);

    const { backup, skipped } = await createBackup(T0);
    expect(skipped).toEqual({ notes: 2, events: 1, prompts: 1, promptPrefs: 0 });
    expect(backup.notes).toEqual([good]);
    expect(backup.events.map((event) => event.type)).toEqual(['offered']);
    expect(backup.prompts).toEqual([]);

    const text = serializeBackup(backup);
    expect(checkBackup(text)).toEqual({ ok: true, backup });
    await freshDevice();
    expect(await importValid(text)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect((await readSnapshot()).notes).toEqual([good]);
  });

  it('leaves out a row the journal can show but a file could not hold, so the file still imports', async () => {
    await addNote(NOTE, T0);
    // A clock set to 1970 when the note was saved: readable, but no backup file may hold that time.
    await addNote({ ...NOTE, answer: 'saved with a wrong clock' }, 60_000);
    const { backup, skipped } = await createBackup(T0);
    expect(skipped.notes).toBe(1);
    expect(backup.notes.map((note) => note.answer)).toEqual([NOTE.answer]);
    expect(checkBackup(serializeBackup(backup)).ok).toBe(true);
    expect((await readSnapshot()).notes).toHaveLength(2);
  });
});

describe('when the last export was made', () => {
  it('remembers the last export', async () => {
    expect(await loadLastBackupAt()).toBeUndefined();
    await rememberBackup(T0);
    expect(await loadLastBackupAt()).toBe(T0);
  });

  it('ignores a damaged stored value', async () => {
    await fakeBrowser.storage.local.set({ lastBackupAt: 'yesterday' });
    expect(await loadLastBackupAt()).toBeUndefined();
  });

  it.each([
    ['never', undefined, 'none'],
    ['just now', T0, 'recent'],
    ['a week ago', T0 - 7 * DAY, 'recent'],
    ['exactly 30 days ago', T0 - 30 * DAY, 'recent'],
    ['30 days and a moment ago', T0 - 30 * DAY - 1, 'old'],
    ['a year ago', T0 - 365 * DAY, 'old'],
    ['in the future (the clock was changed)', T0 + DAY, 'recent'],
  ] as const)('reminds when the last export was %s: %s', (_when, last, reminder) => {
    expect(backupReminder(last, T0)).toBe(reminder);
  });
});

describe('feelings and tags in a backup', () => {
  /** Notes with and without feelings, and tags written in their answers. */
  async function fillFeelings(): Promise<void> {
    await addNote({ ...NOTE, answer: 'A long day at #werk. #Zus called.', feeling: 'heavy' }, T0 - 2 * DAY);
    const changed = await addNote({ ...NOTE, answer: 'Told my #zus, and it was #wérk too.' }, T0 - DAY);
    await updateNoteFeeling(changed, 'light', T0, changed.updatedAt);
    await addNote({ ...NOTE, answer: 'No tags, no feeling: see example.com/#part' }, T0);
  }

  /** The tags of the stored notes, as the journal's filter list shows them. */
  const storedTags = async () => tagCounts((await readSnapshot()).notes.map(toSearchEntry));

  it('gives back every feeling and tag exactly, in a fresh browser', async () => {
    await fillFeelings();
    const before = await everything();
    const tags = await storedTags();
    // Each as first written, in the oldest note.
    expect(tags.map((tag) => [tag.label, tag.count])).toEqual([
      ['werk', 2],
      ['Zus', 2],
    ]);
    const text = serializeBackup((await createBackup(T0)).backup);
    expect(before.snapshot.notes.map((note) => note.feeling)).toEqual(['heavy', 'light', undefined]);
    expect(text).toContain('"feeling": "light"');

    await freshDevice();
    expect(await importValid(text)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await everything()).toEqual(before);
    expect(await storedTags()).toEqual(tags);
    expect(serializeBackup((await createBackup(T0)).backup)).toBe(text);
  });

  it('writes a note without a feeling byte for byte as before there were feelings', async () => {
    await importValid(fileWith({}));
    const { backup } = await createBackup(T0);
    expect(JSON.stringify(backup.notes)).toBe(
      `[{"id":"note-1","promptId":"q-beliefs","promptText":"Which beliefs about vulnerability live in me?","promptKind":"question","locale":"en","answer":"That it is weak to ask for help.","createdAt":${T0},"updatedAt":${T0},"source":"popup"}]`,
    );
  });

  it('takes a feeling from a file, and only one of the five', async () => {
    await seed();
    const before = await everything();
    for (const feeling of ['sad', 'Calm', null, 3, '']) {
      expect(await importFile(noteWith({ feeling }))).toEqual({
        ok: false,
        problems: ['notes[1].feeling: expected one of: heavy, tense, okay, calm, light'],
      });
    }
    expect(await everything()).toEqual(before);

    await importValid(noteWith({ feeling: 'okay' }));
    expect((await readSnapshot()).notes.find((note) => note.id === 'note-2')?.feeling).toBe('okay');
  });

  it('still imports a backup file made before notes had feelings, unchanged', async () => {
    // Exported by the version before feelings (tests/fixtures/backup-v1.json), and never edited by hand.
    const text = readFileSync(resolve(import.meta.dirname, '../fixtures/backup-v1.json'), 'utf8');
    const file = JSON.parse(text) as Backup;
    expect(await importValid(text)).toEqual({ added: 3 + 2 + 1 + 1, updated: 0, unchanged: 0 });

    const { notes, events, prompts, promptPrefs } = await readSnapshot();
    expect(notes).toEqual(file.notes);
    expect(notes.some((note) => 'feeling' in note)).toBe(false);
    expect({ events, prompts, promptPrefs }).toEqual({ events: file.events, prompts: file.prompts, promptPrefs: file.promptPrefs });
    // Tags are read from the text, so notes written before there were tags have theirs.
    expect((await storedTags()).map((tag) => [tag.key, tag.count])).toEqual([
      ['werk', 1],
      ['work', 1],
      ['zus', 1],
    ]);
  });
});
