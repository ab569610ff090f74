import { describe, expect, it } from 'vitest';
import { applyBackup, checkBackup, checkBackupFile, type BackupCheck } from '@/utils/backup/backup';
import { createBackup, createLockedBackup, LOCKED_BACKUP_CONTEXT, serializeBackup, serializeLockedBackup } from '@/utils/backup/make';
import { openLockedBackup, type OpenedBackup } from '@/utils/backup/locked';
import { addPauseEvent } from '@/utils/db/events';
import { addNote, updateNoteFeeling } from '@/utils/db/notes';
import { putCustomPrompt, setPromptHidden } from '@/utils/db/prompts';
import { readSnapshot } from '@/utils/db/snapshot';
import { JournalLockedError } from '@/utils/errors';
import { journalMessages, leftOutMessage } from '@/utils/i18n/journal';
import { fromBase64, importPublicKey, openSealedText, sealText, toBase64 } from '@/utils/lock/crypto';
import { lockNow, readLock } from '@/utils/lock/keys';
import { openKeys } from '@/utils/lock/open';
import { unwrapDataKey, type Secret } from '@/utils/lock/secrets';
import type { LockedBackup } from '@/utils/model/backup';
import type { CustomPrompt, Note } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { DAY, MINUTE } from '@/utils/time';
import { readRawRows } from './at-rest';
import { freshBrowser, PASSPHRASE, turnOnLock } from './locked-journal';
import { DAMAGED_NOTES, writeRawRows } from './raw-rows';
import { SAMPLE_NOTE, SAMPLE_TIME } from './sample-note';

const T0 = SAMPLE_TIME;
/** Deriving a key from a passphrase is slow by design; a test may do it a few times. */
const SLOW = 30_000;

const ANSWERS = [
  'That it is weak to ask for help.',
  'Tell Sam the meeting made me nervous.',
  'Een lange dag, maar ik heb gebeld 🌧',
] as const;
const OWN_PROMPT: CustomPrompt = { id: 'c-own-1', text: 'What did my body tell me today?', createdAt: T0, updatedAt: T0 };

/** A journal of a few notes, an own prompt, pauses, a hidden prompt and settings, written with the lock on. */
async function seedJournal(): Promise<Note[]> {
  const notes: Note[] = [];
  for (const [i, answer] of ANSWERS.entries()) notes.push(await addNote({ ...SAMPLE_NOTE, answer }, T0 + i * MINUTE));
  await putCustomPrompt(OWN_PROMPT);
  await addPauseEvent('offered', T0 - MINUTE);
  await addPauseEvent('answered', T0, 'q-beliefs');
  await setPromptHidden('q-open-today', true, T0);
  await saveSettings({ maxPerDay: 7, language: 'nl' });
  return notes;
}

/** Everything stored, as the journal reads it: what must come back identical. */
async function everything() {
  const { notes, events, prompts, promptPrefs } = await readSnapshot();
  return { notes, events, prompts, promptPrefs, settings: await loadSettings() };
}

/** The locked file of everything stored right now, as the person downloads it. */
async function lockedFile(): Promise<string> {
  const backup = await createLockedBackup(T0 + 10 * MINUTE);
  if (!backup) throw new Error('The lock is off');
  return serializeLockedBackup(backup);
}

/** A journal with the lock on: everything it holds, its locked file, and the recovery key. */
async function lockedJournal(): Promise<{ before: Awaited<ReturnType<typeof everything>>; text: string; recoveryKey: string }> {
  const recoveryKey = await turnOnLock(T0);
  await seedJournal();
  return { before: await everything(), text: await lockedFile(), recoveryKey };
}

/** The envelope of a locked file, as a chosen file is checked. */
async function envelopeOf(text: string): Promise<LockedBackup> {
  const check = await checkBackupFile(new File([text], 'adempauze-backup.json', { type: 'application/json' }));
  if (check.ok || !check.locked) throw new Error(`Not a locked backup: ${JSON.stringify(check)}`);
  return check.locked;
}

/** What the Backup section does with a locked file: open it with the secret, and write only when all of it is valid. */
async function importLocked(text: string, secret: Secret): Promise<OpenedBackup> {
  const opened = await openLockedBackup(await envelopeOf(text), secret);
  if (opened.ok) await applyBackup(opened.backup);
  return opened;
}

/** The rows inside a locked file, opened the way the import opens them. */
async function contentOf(text: string): Promise<Record<string, unknown[]>> {
  const envelope = await envelopeOf(text);
  const bytes = await unwrapDataKey(envelope.lock, { passphrase: PASSPHRASE });
  if (!bytes) throw new Error('The passphrase does not open it');
  const { privateKey } = await openKeys(bytes, envelope.lock);
  return JSON.parse(await openSealedText(privateKey, envelope.sealed, LOCKED_BACKUP_CONTEXT)) as Record<string, unknown[]>;
}

/** The same bytes with one bit flipped: a file or a disk that went bad in one place. */
function flipBit(base64: string): string {
  const bytes = fromBase64(base64);
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return toBase64(bytes);
}

describe('exporting with the lock on', () => {
  it(
    'writes nothing readable but the format and version: no answer, prompt, id or date',
    async () => {
      // The key's own date is readable on purpose (it says which key opens the file): made apart from every note's.
      await turnOnLock(T0 - 7 * DAY);
      const notes = await seedJournal();
      const text = await lockedFile();

      const file = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(file)).toEqual(['format', 'version', 'lock', 'sealed']);
      expect(file).toMatchObject({ format: 'adempauze-backup', version: 2 });
      // The lock is only its wrapped and public keys, as this browser stores them; not when it was turned on.
      expect(file.lock).toEqual((await readLock())?.keys);
      const readable = [
        ...ANSWERS,
        SAMPLE_NOTE.promptText,
        SAMPLE_NOTE.promptId,
        OWN_PROMPT.text,
        OWN_PROMPT.id,
        'q-open-today',
        'offered',
        'answered',
        'maxPerDay',
        'exportedAt',
        ...notes.flatMap((note) => [note.id, String(note.createdAt)]),
        String(T0),
        String(T0 - MINUTE),
        String(T0 + 10 * MINUTE),
      ];
      for (const secret of readable) expect(text.includes(secret), `"${secret}" is readable in the file`).toBe(false);
    },
    SLOW,
  );

  it(
    'holds the rows exactly as stored: encrypted rows stay encrypted',
    async () => {
      await turnOnLock(T0);
      await seedJournal();
      const content = await contentOf(await lockedFile());
      const byId = (rows: readonly unknown[] = []) =>
        [...rows].sort((a, b) => String((a as Note).id).localeCompare(String((b as Note).id)));
      expect(byId(content.notes)).toEqual(byId(await readRawRows('notes')));
      expect(content.prompts).toEqual(await readRawRows('prompts'));
      expect(content.notes?.every((row) => typeof row === 'object' && row !== null && 'cipher' in row && !('answer' in row))).toBe(true);
    },
    SLOW,
  );

  it(
    'works while the journal is locked, notes saved while locked included',
    async () => {
      await turnOnLock(T0);
      await seedJournal();
      await lockNow();
      await expect(readSnapshot()).rejects.toThrow(JournalLockedError);
      await addNote({ ...SAMPLE_NOTE, answer: 'Saved from the popup while locked.' }, T0 + 5 * MINUTE);

      const text = await lockedFile();
      expect(text).not.toContain('Saved from the popup');
      await freshBrowser();
      expect(await importLocked(text, { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      expect((await readSnapshot()).notes.map((note) => note.answer)).toEqual([...ANSWERS, 'Saved from the popup while locked.']);
    },
    SLOW,
  );

  it(
    'refuses a file without encryption while the journal is locked, and makes one when it is unlocked',
    async () => {
      await turnOnLock(T0);
      await seedJournal();
      const unlocked = await createBackup(T0);
      expect(unlocked.backup.notes.map((note) => note.answer)).toEqual(ANSWERS);

      await lockNow();
      await expect(createBackup(T0)).rejects.toThrow(JournalLockedError);
    },
    SLOW,
  );

  it('is the plain file, as before, with the lock off', async () => {
    await addNote(SAMPLE_NOTE, T0);
    expect(await createLockedBackup(T0)).toBeUndefined();
    const text = serializeBackup((await createBackup(T0)).backup);
    expect(JSON.parse(text)).toMatchObject({ format: 'adempauze-backup', version: 1 });
    expect(text).toContain(SAMPLE_NOTE.answer);
  });
});

describe('importing a locked backup', () => {
  it(
    'gives back everything with the passphrase, in a fresh browser, and merges by id',
    async () => {
      const { before, text } = await lockedJournal();

      await freshBrowser();
      const opened = await importLocked(text, { passphrase: PASSPHRASE });
      expect(opened).toMatchObject({ ok: true, leftOut: { notes: 0, events: 0, prompts: 0, promptPrefs: 0 } });
      expect(await everything()).toEqual(before);
      // The same file again changes nothing.
      const again = await openLockedBackup(await envelopeOf(text), { passphrase: PASSPHRASE });
      if (!again.ok || !('backup' in again)) throw new Error('Refused the second time');
      expect(await applyBackup(again.backup)).toEqual({ added: 0, updated: 0, unchanged: 3 + 2 + 1 + 1 });
    },
    SLOW,
  );

  it(
    'gives back everything with the recovery key, typed in lower case with spaces',
    async () => {
      const { before, text, recoveryKey } = await lockedJournal();

      await freshBrowser();
      expect(await importLocked(text, { recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' ') })).toMatchObject({ ok: true });
      expect(await everything()).toEqual(before);
    },
    SLOW,
  );

  it(
    'stores what it imports encrypted with the lock of the browser it is imported into',
    async () => {
      const { before, text } = await lockedJournal();

      await freshBrowser();
      await turnOnLock(T0, 'another browser, another passphrase');
      expect(await importLocked(text, { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
      expect(await everything()).toEqual(before);
      const raw = JSON.stringify([await readRawRows('notes'), await readRawRows('prompts')]);
      for (const secret of [...ANSWERS, OWN_PROMPT.text]) expect(raw).not.toContain(secret);
    },
    SLOW,
  );

  it(
    'refuses a wrong passphrase or recovery key calmly, and writes nothing',
    async () => {
      const recoveryKey = await turnOnLock(T0);
      await seedJournal();
      const text = await lockedFile();

      await freshBrowser();
      await saveSettings({ maxPerDay: 3 });
      const other = await turnOnLock(T0, 'not the same passphrase');
      expect(await importLocked(text, { passphrase: `${PASSPHRASE} ` })).toEqual({ ok: false, wrongSecret: true });
      expect(await importLocked(text, { passphrase: '' })).toEqual({ ok: false, wrongSecret: true });
      expect(await importLocked(text, { recoveryKey: other })).toEqual({ ok: false, wrongSecret: true });
      expect(await importLocked(text, { recoveryKey: recoveryKey.slice(0, -1) })).toEqual({ ok: false, wrongSecret: true });
      expect(await readRawRows('notes')).toEqual([]);
      expect((await loadSettings()).maxPerDay).toBe(3);
    },
    SLOW,
  );

  it(
    'refuses a file whose locked contents were changed, clearly, and writes nothing',
    async () => {
      await turnOnLock(T0);
      await seedJournal();
      const text = await lockedFile();
      const file = JSON.parse(text) as LockedBackup;
      const damaged = [
        { ...file, sealed: { ...file.sealed, data: flipBit(file.sealed.data) } },
        { ...file, sealed: { ...file.sealed, data: file.sealed.data.slice(0, -8) } },
        { ...file, sealed: { ...file.sealed, iv: flipBit(file.sealed.iv) } },
      ];

      await freshBrowser();
      for (const changed of damaged) {
        expect(await importLocked(JSON.stringify(changed), { passphrase: PASSPHRASE })).toEqual({
          ok: false,
          problems: [{ path: '', message: 'The locked contents of this file do not open: it was damaged or changed after it was made.' }],
        });
      }
      expect(await readRawRows('notes')).toEqual([]);
    },
    SLOW,
  );

  it(
    'imports past a note whose ciphertext was damaged on disk, which the export kept as it was, and counts it',
    async () => {
      await turnOnLock(T0);
      const notes = await seedJournal();
      const [row] = (await readRawRows('notes')).filter((stored) => stored.id === notes[1]?.id);
      const cipher = row?.cipher as { iv: string; data: string };
      const damagedRow = { ...row, cipher: { ...cipher, data: flipBit(cipher.data) } };
      await writeRawRows('notes', [damagedRow]);
      await writeRawRows('notes', DAMAGED_NOTES);

      const text = await lockedFile();
      const content = await contentOf(text);
      expect(content.notes).toContainEqual(damagedRow);
      expect(content.notes).toHaveLength(ANSWERS.length + DAMAGED_NOTES.length);

      await freshBrowser();
      const opened = await importLocked(text, { passphrase: PASSPHRASE });
      expect(opened).toMatchObject({ ok: true, leftOut: { notes: 1 + DAMAGED_NOTES.length, events: 0, prompts: 0, promptPrefs: 0 } });
      expect((await readSnapshot()).notes.map((note) => note.answer)).toEqual([ANSWERS[0], ANSWERS[2]]);
      if (opened.ok && 'leftOut' in opened) {
        expect(leftOutMessage(opened.leftOut, journalMessages('en'), journalMessages('en').backupNotImported)).toBe(
          '3 notes could not be read and were not imported.',
        );
        expect(leftOutMessage(opened.leftOut, journalMessages('nl'), journalMessages('nl').backupNotImported)).toBe(
          '3 notities konden niet worden gelezen en zijn niet geïmporteerd.',
        );
      }
    },
    SLOW,
  );

  it(
    'holds what a file sealed by anyone holds to every rule of a plain file',
    async () => {
      // The public key is in the file: anyone can seal new contents to it. They must pass like any file from elsewhere.
      await turnOnLock(T0);
      await seedJournal();
      const file = JSON.parse(await lockedFile()) as LockedBackup;
      const publicKey = await importPublicKey(file.lock.publicKey);
      const note = { ...SAMPLE_NOTE, id: 'n-1', answer: 'hi', createdAt: T0, updatedAt: T0 };
      const reseal = async (content: object): Promise<string> =>
        JSON.stringify({ ...file, sealed: await sealText(publicKey, JSON.stringify(content), LOCKED_BACKUP_CONTEXT) });
      const content = { exportedAt: T0, settings: DEFAULT_SETTINGS, notes: [note], events: [], prompts: [], promptPrefs: [] };

      await freshBrowser();
      const problems = async (text: string) => {
        const opened = await importLocked(text, { passphrase: PASSPHRASE });
        return opened.ok || !('problems' in opened) ? opened : opened.problems.map((problem) => `${problem.path}: ${problem.message}`);
      };
      expect(await problems(await reseal({ ...content, notes: [note, note] }))).toEqual(['notes[1].id: already used by notes[0]']);
      expect(await problems(await reseal({ ...content, settings: { ...DEFAULT_SETTINGS, maxPerDay: 1000 } }))).toEqual([
        'settings.maxPerDay: expected a whole number from 1 to 12',
      ]);
      expect(await problems(await reseal({ ...content, exportedAt: 'now' }))).toEqual(['exportedAt: expected a number']);
      expect(await problems(await reseal({ notes: 'all of them' }))).toEqual([
        ': The locked contents of this file do not open: it was damaged or changed after it was made.',
      ]);
      expect(await readRawRows('notes')).toEqual([]);
      // A row no file could hold is left out and counted, as the plain export leaves it out.
      const hostile = { ...note, id: 'n-2', promptId: '"><img src=x onerror=alert(1)>' };
      expect(await importLocked(await reseal({ ...content, notes: [note, hostile] }), { passphrase: PASSPHRASE })).toMatchObject({
        ok: true,
        leftOut: { notes: 1 },
      });
      expect((await readSnapshot()).notes.map((stored) => stored.id)).toEqual(['n-1']);
    },
    SLOW,
  );
});

describe('checking a locked file', () => {
  it(
    'recognises it, and names what is wrong with a damaged envelope',
    async () => {
      await turnOnLock(T0);
      const text = await lockedFile();
      const file = JSON.parse(text) as Record<string, unknown> & LockedBackup;
      const check = checkBackup(text);
      expect(check).toMatchObject({ ok: false, locked: file });
      // A caller that cannot ask for the passphrase still says something true.
      expect(!check.ok && check.problems).toEqual([
        { path: '', message: 'This backup is locked. Enter the passphrase or recovery key it was made with.' },
      ]);

      const lines = (check: BackupCheck) => (check.ok ? [] : check.problems.map((problem) => `${problem.path}: ${problem.message}`));
      expect(lines(checkBackup(JSON.stringify({ ...file, sealed: { iv: file.sealed.iv, data: file.sealed.data } })))).toEqual([
        'sealed.epk: missing',
      ]);
      expect(lines(checkBackup(JSON.stringify({ ...file, notes: [] })))).toEqual(['notes: unknown field']);
      expect(lines(checkBackup(JSON.stringify({ ...file, lock: undefined })))).toEqual(['lock: missing']);
      expect(lines(checkBackup(JSON.stringify({ ...file, sealed: 'text' })))).toEqual(['sealed: expected an object']);
      // Version 2 without a sealed box is no locked backup: the plain file's sentence about versions.
      expect(lines(checkBackup(JSON.stringify({ format: 'adempauze-backup', version: 2 })))).toEqual([
        'version: expected 1; this file may come from a newer Adempauze',
      ]);
    },
    SLOW,
  );

  it(
    'still imports a version 1 file unchanged, into a browser with the lock on, encrypted there',
    async () => {
      await addNote(SAMPLE_NOTE, T0);
      const before = await everything();
      const text = serializeBackup((await createBackup(T0)).backup);

      await freshBrowser();
      await turnOnLock(T0);
      const check = checkBackup(text);
      if (!check.ok) throw new Error('Refused a version 1 file');
      await applyBackup(check.backup);
      expect(await everything()).toEqual(before);
      expect(JSON.stringify(await readRawRows('notes'))).not.toContain(SAMPLE_NOTE.answer);
    },
    SLOW,
  );
});

describe('feelings in a locked backup', () => {
  it(
    'are carried inside, never readable in the file, and come back with their notes',
    async () => {
      await turnOnLock(T0);
      const [first] = await seedJournal();
      await updateNoteFeeling(first!, 'heavy', T0 + 5 * MINUTE, first!.updatedAt);
      await addNote({ ...SAMPLE_NOTE, answer: 'Encrypted with a feeling.', feeling: 'calm' }, T0 + 6 * MINUTE);
      await lockNow();
      await addNote({ ...SAMPLE_NOTE, answer: 'Sealed with a feeling.', feeling: 'light' }, T0 + 7 * MINUTE);

      const text = await lockedFile();
      // Quoted, as JSON would hold them readable: base64 has no quotes, so it never matches by chance.
      for (const word of [...FEELINGS, 'feeling']) expect(text.includes(`"${word}"`), `"${word}" is readable in the file`).toBe(false);
      const rows = (await contentOf(text)).notes ?? [];
      expect(rows).toHaveLength(ANSWERS.length + 2);
      expect(rows.some((row) => typeof row !== 'object' || row === null || 'feeling' in row)).toBe(false);

      await freshBrowser();
      expect(await importLocked(text, { passphrase: PASSPHRASE })).toMatchObject({ ok: true, leftOut: { notes: 0 } });
      expect((await readSnapshot()).notes.map((note) => [note.answer, note.feeling])).toEqual([
        [ANSWERS[0], 'heavy'],
        [ANSWERS[1], undefined],
        [ANSWERS[2], undefined],
        ['Encrypted with a feeling.', 'calm'],
        ['Sealed with a feeling.', 'light'],
      ]);
    },
    SLOW,
  );

  it(
    'holds a feeling in a file sealed by anyone to the five: a note with another is left out and counted',
    async () => {
      await turnOnLock(T0);
      const file = JSON.parse(await lockedFile()) as LockedBackup;
      const publicKey = await importPublicKey(file.lock.publicKey);
      const note = { ...SAMPLE_NOTE, id: 'n-1', answer: 'hi', createdAt: T0, updatedAt: T0, feeling: 'okay' };
      const content = {
        exportedAt: T0,
        settings: DEFAULT_SETTINGS,
        notes: [note, { ...note, id: 'n-2', feeling: 'furious' }],
        events: [],
        prompts: [],
        promptPrefs: [],
      };
      const text = JSON.stringify({ ...file, sealed: await sealText(publicKey, JSON.stringify(content), LOCKED_BACKUP_CONTEXT) });

      await freshBrowser();
      expect(await importLocked(text, { passphrase: PASSPHRASE })).toMatchObject({ ok: true, leftOut: { notes: 1 } });
      expect((await readSnapshot()).notes).toEqual([note]);
    },
    SLOW,
  );
});
