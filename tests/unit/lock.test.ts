import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addNote, deleteNote, getNotes, listNotesPage, restoreNote, updateNoteAnswer } from '@/utils/db/notes';
import { listCustomPrompts, putCustomPrompt } from '@/utils/db/prompts';
import { mergeSnapshot } from '@/utils/db/snapshot';
import { JournalLockedError, LockDamagedError } from '@/utils/errors';
import { fromBase64, toBase64 } from '@/utils/lock/crypto';
import { journalKeys, readingKeys, readLock, sessionDataKey, writeLock } from '@/utils/lock/keys';
import { createLockKeys, unwrapDataKey } from '@/utils/lock/secrets';
import { retryDelay, unlock } from '@/utils/lock/lock';
import { changePassphrase, createLock, lockNow, resume, startRemovingLock } from '@/utils/lock/lock';
import { LOCK_ALARM, SESSION_KEY, SETTLE_LOCK } from '@/utils/lock/names';
import { parseLockRecord, type LockRecord } from '@/utils/model/lock';
import type { CustomPrompt, Note } from '@/utils/model/records';
import { offeredPrompts, refreshLibraryMirror } from '@/utils/prompts/library';
import { draftIds } from '@/utils/storage/lock-mirror';
import { clearDraft, forgetPageDrafts, readDraft, restoreDrafts, writeDraft } from '@/utils/storage/drafts';
import { lockMirror } from '@/utils/storage/lock-mirror';
import { HOUR, MINUTE } from '@/utils/time';
import { diskText, draftStoreText, readRawRows, sessionText } from './at-rest';
import { lockRecordV1 } from './locked-journal';
import { writeRawRows } from './raw-rows';
import { SAMPLE_NOTE } from './sample-note';

const T0 = Date.UTC(2026, 10, 25, 9);
const PASSPHRASE = 'a long walk along the Amstel';

// The clock stands still at T0 unless a test moves it: unlock's waiting time is measured on it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** What the person wrote: none of it may be on disk in plain text under the lock. */
const ANSWERS = [
  'That it is weak to ask for help.',
  'Tell Sam the meeting made me nervous.',
  'Een lange dag, maar ik heb gebeld. Ça va 🌧',
  `${'ë'.repeat(1_999)}.`,
] as const;
const OWN_PROMPT_TEXT = 'What did my body tell me today?';
const PROMPTS: readonly CustomPrompt[] = [
  { id: 'c-own-1', text: OWN_PROMPT_TEXT, createdAt: T0, updatedAt: T0 },
  { id: 'c-own-2', text: 'Wie heb ik vandaag echt gezien?', createdAt: T0 + 1, updatedAt: T0 + 1 },
];
const SECRETS = [...ANSWERS, SAMPLE_NOTE.promptText, ...PROMPTS.map((prompt) => prompt.text)];

/** A journal of a few notes (one answering an own prompt) and two own prompts, written without the lock. */
async function seedJournal(): Promise<{ notes: Note[]; prompts: CustomPrompt[] }> {
  const notes: Note[] = [];
  for (const [i, answer] of ANSWERS.entries()) notes.push(await addNote({ ...SAMPLE_NOTE, answer }, T0 + i * MINUTE));
  notes.push(
    await addNote(
      { ...SAMPLE_NOTE, promptId: 'c-own-1', promptText: OWN_PROMPT_TEXT, answer: 'Tired shoulders, a light head.' },
      T0 + 9 * MINUTE,
    ),
  );
  for (const prompt of PROMPTS) await putCustomPrompt(prompt);
  return { notes, prompts: [...PROMPTS] };
}

/** Every note, newest first, as the journal shows them. */
async function allNotes(): Promise<readonly Note[]> {
  return (await listNotesPage({ limit: 10_000 })).notes;
}

/** Turns the lock on and lets it finish encrypting; resolves to the recovery key. */
async function turnOn(): Promise<string> {
  const recovery = await createLock(PASSPHRASE, T0);
  await resume(() => undefined);
  return recovery;
}

async function turnOff(): Promise<void> {
  await startRemovingLock({ passphrase: PASSPHRASE }, T0);
  await resume(() => undefined);
}

/** Asserts that no text of `secrets` is anywhere on disk: note and prompt rows, storage.local, storage.sync, localStorage. */
async function expectOffDisk(secrets: readonly string[]): Promise<void> {
  const disk = [JSON.stringify(await readRawRows('notes')), JSON.stringify(await readRawRows('prompts')), await diskText()].join('\n');
  for (const secret of secrets) expect(disk.includes(secret), `"${secret.slice(0, 40)}" is on disk`).toBe(false);
}

async function lockState(): Promise<LockRecord['state'] | undefined> {
  return (await readLock())?.state;
}

/** Progress that breaks off after the first batch of rows, like a tab closed half-way. */
const breakOffAfterFirstBatch = () => (done: number) => {
  if (done > 0) throw new Error('interrupted');
};

describe('the lock keys', () => {
  it('opens the same data key with the passphrase and with the recovery key, as stored and read back', async () => {
    const { keys, recoveryKey, dataKeyBytes } = await createLockKeys(PASSPHRASE, T0);
    expect(dataKeyBytes).toHaveLength(32);
    await writeLock(lockRecordV1(keys, 'on', T0));
    const stored = await readLock();
    expect(stored).toEqual(lockRecordV1(keys, 'on', T0));
    if (!stored) throw new Error('No lock read back');
    // Only wrapped and public key material is stored: never the data key itself.
    expect(JSON.stringify(stored)).not.toContain(toBase64(dataKeyBytes));
    expect(await unwrapDataKey(stored.keys, { passphrase: PASSPHRASE })).toEqual(dataKeyBytes);
    expect(await unwrapDataKey(stored.keys, { recoveryKey })).toEqual(dataKeyBytes);
    expect(await unwrapDataKey(stored.keys, { recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' ') })).toEqual(dataKeyBytes);
  });

  it('opens nothing with a wrong passphrase or recovery key', async () => {
    const { keys, recoveryKey } = await createLockKeys(PASSPHRASE, T0);
    const other = await createLockKeys(PASSPHRASE, T0);
    expect(await unwrapDataKey(keys, { passphrase: `${PASSPHRASE} ` })).toBeUndefined();
    expect(await unwrapDataKey(keys, { passphrase: '' })).toBeUndefined();
    expect(await unwrapDataKey(keys, { recoveryKey: other.recoveryKey })).toBeUndefined();
    expect(await unwrapDataKey(keys, { recoveryKey: recoveryKey.slice(1) })).toBeUndefined();
    // The same passphrase does not open another lock: each has its own data key and salt.
    expect(await unwrapDataKey(keys, { passphrase: PASSPHRASE })).not.toEqual(other.dataKeyBytes);
  });

  it('reads no lock as off, and a damaged one as damaged, never as off', async () => {
    expect(await readLock()).toBeUndefined();
    expect(lockMirror()).toBe(false);
    const { keys } = await createLockKeys(PASSPHRASE, T0);
    const good = lockRecordV1(keys, 'on', T0);
    expect(parseLockRecord(JSON.parse(JSON.stringify(good)))).toEqual(good);
    const damaged: unknown[] = [
      'lock',
      [],
      { ...good, version: 2 },
      { ...good, state: 'half' },
      { ...good, lockAfterMinutes: 0 },
      { ...good, keys: { ...keys, publicKey: undefined } },
      { ...good, keys: { ...keys, passphrase: { ...keys.passphrase, kdf: { ...keys.passphrase.kdf, iterations: 1000 } } } },
      { ...good, keys: { ...keys, recovery: { ...keys.recovery, key: { iv: keys.recovery.key.iv } } } },
    ];
    for (const value of damaged) {
      expect(parseLockRecord(value)).toBeUndefined();
      await fakeBrowser.storage.local.set({ lock: value });
      await expect(readLock()).rejects.toBeInstanceOf(LockDamagedError);
      // A damaged lock still keeps drafts off the disk in every page.
      expect(lockMirror()).toBe(true);
    }
  });

  it('waits longer after each wrong try: two free, then 1 s doubling up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map(retryDelay)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts wrong tries, and does not even check a try made before the wait is over', async () => {
    const { keys } = await createLockKeys(PASSPHRASE, T0);
    await writeLock(lockRecordV1(keys, 'on', T0));
    const wrong = { passphrase: 'a short walk' };
    expect(await unlock(wrong, T0)).toEqual({ ok: false, reason: 'wrong', retryAt: T0 });
    expect(await unlock(wrong, T0)).toEqual({ ok: false, reason: 'wrong', retryAt: T0 });
    expect(await unlock(wrong, T0)).toEqual({ ok: false, reason: 'wrong', retryAt: T0 + 1000 });
    // Before the moment, even the right passphrase is turned away unchecked, and the count stays.
    vi.setSystemTime(T0 + 999);
    expect(await unlock({ passphrase: PASSPHRASE }, T0 + 999)).toEqual({ ok: false, reason: 'wait', retryAt: T0 + 1000 });
    expect(await journalKeys()).toBeUndefined();
    expect(await sessionDataKey()).toBeUndefined();
    vi.setSystemTime(T0 + 1000);
    expect(await unlock(wrong, T0 + 1000)).toEqual({ ok: false, reason: 'wrong', retryAt: T0 + 1000 + 2000 });
    vi.setSystemTime(T0 + 3000);
    expect((await unlock({ passphrase: PASSPHRASE }, T0 + 3000)).ok).toBe(true);
    // The count starts again after the right passphrase.
    await lockNow();
    expect(await unlock(wrong, T0 + 3000)).toEqual({ ok: false, reason: 'wrong', retryAt: T0 + 3000 });
  });

  it('unlocks for the session with the right passphrase: a 32-byte data key in storage.session only, keys that cannot be exported', async () => {
    const { keys, dataKeyBytes } = await createLockKeys(PASSPHRASE, T0);
    await writeLock(lockRecordV1(keys, 'on', T0));
    expect(await journalKeys()).toBeUndefined();
    expect(await readingKeys()).toBe('locked');

    const result = await unlock({ passphrase: PASSPHRASE }, T0);
    expect(result.ok).toBe(true);
    const session: unknown = (await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY];
    expect(session).toBe(toBase64(dataKeyBytes));
    expect(fromBase64(session as string)).toHaveLength(32);
    expect(await diskText()).not.toContain(session as string);

    const open = await journalKeys();
    expect(open).toBeDefined();
    expect(open?.dataKey.extractable).toBe(false);
    expect(open?.privateKey.extractable).toBe(false);
    if (result.ok) expect([result.keys.dataKey.extractable, result.keys.privateKey.extractable]).toEqual([false, false]);
    await expect(crypto.subtle.exportKey('raw', open?.dataKey as CryptoKey)).rejects.toThrow();
    // The lock after a time without use is armed with the lock's own time.
    expect((await fakeBrowser.alarms.get(LOCK_ALARM))?.scheduledTime).toBe(T0 + 15 * MINUTE);

    await lockNow();
    expect(await journalKeys()).toBeUndefined();
    expect(await sessionDataKey()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(LOCK_ALARM)).toBeUndefined();
  });

  it('unlocks with the recovery key as a person types it', async () => {
    const { keys, recoveryKey, dataKeyBytes } = await createLockKeys(PASSPHRASE, T0);
    await writeLock(lockRecordV1(keys, 'on', T0));
    expect((await unlock({ recoveryKey: recoveryKey.toLowerCase().replaceAll('-', '') }, T0)).ok).toBe(true);
    expect(await sessionDataKey()).toEqual(dataKeyBytes);
  });

  it('treats a session key that does not belong to the stored lock as locked', async () => {
    const [mine, other] = await Promise.all([createLockKeys(PASSPHRASE, T0), createLockKeys(PASSPHRASE, T0)]);
    await writeLock(lockRecordV1(mine.keys, 'on', T0));
    await fakeBrowser.storage.session.set({ [SESSION_KEY]: toBase64(other.dataKeyBytes) });
    expect(await journalKeys()).toBeUndefined();
    expect(await readingKeys()).toBe('locked');
  });
});

describe('changing the passphrase', () => {
  it('opens with the new passphrase only, still with the recovery key, and keeps every note readable', async () => {
    const { notes } = await seedJournal();
    const recoveryKey = await turnOn();
    const dataKey = await sessionDataKey();
    const before = await readLock();

    await changePassphrase({ passphrase: PASSPHRASE }, 'a new and longer passphrase', T0 + MINUTE);
    const after = await readLock();
    if (!after || !before) throw new Error('The lock is gone');
    expect(after.changedAt).toBe(T0 + MINUTE);
    expect(after.keys.passphrase.kdf.salt).not.toBe(before.keys.passphrase.kdf.salt);
    expect({ ...after.keys, passphrase: undefined }).toEqual({ ...before.keys, passphrase: undefined });
    expect(await unwrapDataKey(after.keys, { passphrase: PASSPHRASE })).toBeUndefined();
    expect(await unwrapDataKey(after.keys, { passphrase: 'a new and longer passphrase' })).toEqual(dataKey);
    expect(await unwrapDataKey(after.keys, { recoveryKey })).toEqual(dataKey);

    await lockNow();
    expect((await unlock({ passphrase: PASSPHRASE }, T0)).ok).toBe(false);
    expect((await unlock({ passphrase: 'a new and longer passphrase' }, T0)).ok).toBe(true);
    expect(await sessionDataKey()).toEqual(dataKey);
    expect(await allNotes()).toEqual([...notes].reverse());
    // Six PBKDF2 derivations at 600,000 rounds, and the lock turned on and its database rewritten: near 5 s on a busy machine.
  }, 20_000);

  it('is refused while the journal is locked', async () => {
    await turnOn();
    await lockNow();
    const before = await readLock();
    await expect(changePassphrase({ passphrase: PASSPHRASE }, 'another', T0)).rejects.toBeInstanceOf(JournalLockedError);
    expect(await readLock()).toEqual(before);
  });
});

describe('turning the lock on', () => {
  it('leaves no answer, prompt text or own prompt in plain text on disk', async () => {
    await seedJournal();
    await expectOffDisk([]);
    expect(JSON.stringify(await readRawRows('notes'))).toContain(ANSWERS[0]);

    await turnOn();
    expect(await lockState()).toBe('on');
    const notes = await readRawRows('notes');
    const prompts = await readRawRows('prompts');
    expect(notes).toHaveLength(5);
    expect(prompts).toHaveLength(2);
    for (const row of [...notes, ...prompts]) {
      expect(row).toHaveProperty('cipher');
      expect(row).not.toHaveProperty('sealed');
      expect(row).not.toHaveProperty('answer');
      expect(row).not.toHaveProperty('promptText');
      expect(row).not.toHaveProperty('text');
    }
    await expectOffDisk([...SECRETS, 'Tired shoulders, a light head.']);
  });

  it('reads every note and own prompt back exactly as written', async () => {
    const { notes, prompts } = await seedJournal();
    const ids = notes.map((note) => note.id);
    await turnOn();
    expect(await allNotes()).toEqual([...notes].reverse());
    expect(await getNotes(ids)).toEqual(notes);
    expect((await getNotes([ids[3] ?? ''])).map((note) => note.answer)).toEqual([ANSWERS[3]]);
    expect(await listCustomPrompts()).toEqual(prompts);
  });

  it('encrypts what is written once it is on, and reports its progress over every row', async () => {
    await seedJournal();
    const reports: [string, number, number][] = [];
    await createLock(PASSPHRASE, T0);
    await resume((direction) => (done, total) => reports.push([direction, done, total]));
    expect(reports.at(0)).toEqual(['on', 0, 7]);
    expect(reports.at(-1)).toEqual(['on', 7, 7]);

    const note = await addNote({ ...SAMPLE_NOTE, answer: 'Written under the lock.' }, T0 + HOUR);
    const edited = await updateNoteAnswer(note, 'Edited under the lock.', T0 + HOUR + 1, note.updatedAt);
    await putCustomPrompt({ id: 'c-own-3', text: 'A prompt written under the lock', createdAt: T0, updatedAt: T0 });
    await expectOffDisk(['Written under the lock.', 'Edited under the lock.', 'A prompt written under the lock']);
    expect(await getNotes([note.id])).toEqual([edited]);
    expect((await listCustomPrompts()).map((prompt) => prompt.text)).toContain('A prompt written under the lock');
  });

  it("never puts the person's own prompts in the page's prompt mirror, and forgets them in memory under the lock", async () => {
    await seedJournal();
    // The popup refreshes the mirror when it opens: its own prompts are offered, from memory.
    await refreshLibraryMirror();
    expect(offeredPrompts().map((prompt) => prompt.id)).toEqual(expect.arrayContaining(PROMPTS.map((prompt) => prompt.id)));
    expect(await diskText()).not.toContain(OWN_PROMPT_TEXT);
    await turnOn();
    await expectOffDisk(PROMPTS.map((prompt) => prompt.text));
    expect(offeredPrompts().filter((prompt) => 'custom' in prompt)).toEqual([]);
  });

  it('is refused when the lock is on already', async () => {
    await turnOn();
    const before = await readLock();
    await expect(createLock('another', T0)).rejects.toThrow();
    expect(await readLock()).toEqual(before);
  });
});

describe('saving while locked', () => {
  it('seals the note, which nobody reads until the unlock, when it joins the others encrypted', async () => {
    const { notes } = await seedJournal();
    await turnOn();
    await lockNow();

    const sealed = await addNote({ ...SAMPLE_NOTE, answer: 'Saved while locked.' }, T0 + HOUR);
    const [row] = (await readRawRows('notes')).filter((stored) => stored.id === sealed.id);
    expect(row).toHaveProperty('sealed');
    expect(row).not.toHaveProperty('cipher');
    await expectOffDisk(['Saved while locked.']);

    await expect(listNotesPage({ limit: 10 })).rejects.toBeInstanceOf(JournalLockedError);
    await expect(getNotes([sealed.id])).rejects.toBeInstanceOf(JournalLockedError);
    await expect(listCustomPrompts()).rejects.toBeInstanceOf(JournalLockedError);
    await expect(putCustomPrompt({ ...PROMPTS[0]!, text: 'changed' })).rejects.toBeInstanceOf(JournalLockedError);

    expect((await unlock({ passphrase: PASSPHRASE }, T0 + HOUR)).ok).toBe(true);
    // Readable at once; folded into the normal encryption by resume.
    expect(await getNotes([sealed.id])).toEqual([sealed]);
    await resume(() => undefined);
    const folded = (await readRawRows('notes')).find((stored) => stored.id === sealed.id);
    expect(folded).toHaveProperty('cipher');
    expect(folded).not.toHaveProperty('sealed');
    expect((await readRawRows('notes')).filter((stored) => 'sealed' in stored)).toEqual([]);
    await expectOffDisk(['Saved while locked.']);
    expect(await allNotes()).toEqual([sealed, ...[...notes].reverse()]);
  });
});

describe('damaged ciphertext', () => {
  /** The base64 with one character in the middle changed: other bytes, the same length. */
  const changeOneCharacter = (text: string): string => {
    const at = Math.floor(text.length / 2);
    return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  };

  it('makes only that note unreadable, with its dates; every other note reads', async () => {
    const { notes } = await seedJournal();
    await turnOn();
    const victim = notes[1]!;
    const row = (await readRawRows('notes')).find((stored) => stored.id === victim.id) as { cipher: { iv: string; data: string } };
    await writeRawRows('notes', [{ ...row, cipher: { ...row.cipher, data: changeOneCharacter(row.cipher.data) } }]);

    const read = await allNotes();
    expect(read).toHaveLength(notes.length);
    expect(read.find((note) => note.id === victim.id)).toEqual({
      id: victim.id,
      promptId: victim.promptId,
      promptKind: victim.promptKind,
      locale: victim.locale,
      createdAt: victim.createdAt,
      updatedAt: victim.updatedAt,
      source: victim.source,
      answer: '',
      promptText: '',
      unreadable: true,
    });
    expect(read.filter((note) => note.id !== victim.id)).toEqual([...notes].reverse().filter((note) => note.id !== victim.id));
    expect((await getNotes([victim.id]))[0]?.unreadable).toBe(true);
  });

  it('deletes an unreadable note, and Undo puts its ciphertext back as it was', async () => {
    const { notes } = await seedJournal();
    await turnOn();
    const victim = notes[1]!;
    const row = (await readRawRows('notes')).find((stored) => stored.id === victim.id) as { cipher: { iv: string; data: string } };
    const damaged = { ...row, cipher: { ...row.cipher, data: changeOneCharacter(row.cipher.data) } };
    await writeRawRows('notes', [damaged]);

    const [unreadable] = await getNotes([victim.id]);
    const deleted = await deleteNote(victim.id, unreadable!.updatedAt);
    expect(await getNotes([victim.id])).toEqual([]);
    await restoreNote(deleted);
    expect((await readRawRows('notes')).find((stored) => stored.id === victim.id)).toEqual(damaged);
    // A note known only by its dates, not deleted here, has nothing to put back.
    await expect(restoreNote({ ...deleted })).rejects.toThrow();
  });

  it('does not open a ciphertext moved onto another note', async () => {
    const { notes } = await seedJournal();
    await turnOn();
    const [from, onto] = [notes[0]!, notes[2]!];
    const rows = await readRawRows('notes');
    const source = rows.find((stored) => stored.id === from.id)!;
    const target = rows.find((stored) => stored.id === onto.id)!;
    await writeRawRows('notes', [{ ...target, cipher: source.cipher }]);

    const [movedOnto, original] = await getNotes([onto.id, from.id]);
    expect(movedOnto).toMatchObject({ id: onto.id, answer: '', unreadable: true });
    expect(original).toEqual(from);
  });
});

describe('turning the lock off', () => {
  it('gives back every note and prompt exactly as before the lock, and forgets the keys', async () => {
    await seedJournal();
    const [rowsBefore, promptRowsBefore, notesBefore] = [await readRawRows('notes'), await readRawRows('prompts'), await allNotes()];
    await turnOn();
    await turnOff();

    // Every field of every row as it was, the texts byte for byte (the order of a row's fields aside).
    expect(await readRawRows('notes')).toStrictEqual(rowsBefore);
    expect(await readRawRows('prompts')).toStrictEqual(promptRowsBefore);
    expect(await allNotes()).toStrictEqual(notesBefore);
    expect(await listCustomPrompts()).toStrictEqual(PROMPTS);
    expect(await readLock()).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('lock');
    expect(await fakeBrowser.storage.session.get(null)).not.toHaveProperty(SESSION_KEY);
    expect(await fakeBrowser.alarms.get(LOCK_ALARM)).toBeUndefined();
    expect(lockMirror()).toBe(false);
  });

  it('needs the journal unlocked', async () => {
    await seedJournal();
    await turnOn();
    await lockNow();
    await expect(startRemovingLock({ passphrase: PASSPHRASE }, T0)).rejects.toBeInstanceOf(JournalLockedError);
    expect(await lockState()).toBe('on');
  });
});

describe('finishing a change left half-way', () => {
  /** 600 plain notes: more than one batch of the settling. */
  async function seedMany(): Promise<Note[]> {
    const notes = Array.from({ length: 600 }, (_, i): Note => ({
      ...SAMPLE_NOTE,
      id: `n-${String(i).padStart(4, '0')}`,
      answer: `answer number ${i}`,
      createdAt: T0 + i,
      updatedAt: T0 + i,
    }));
    await mergeSnapshot({ notes, events: [], prompts: PROMPTS, promptPrefs: [] });
    return notes;
  }

  it('keeps "turning on" until every record is encrypted; a later resume finishes as if never interrupted', async () => {
    const notes = await seedMany();
    await createLock(PASSPHRASE, T0);
    expect(await lockState()).toBe('turning-on');
    // Written before any record was encrypted, so already in the new form.
    const early = await addNote({ ...SAMPLE_NOTE, answer: 'Written while turning on.' }, T0 + HOUR);
    expect((await readRawRows('notes')).find((row) => row.id === early.id)).toHaveProperty('cipher');

    await expect(resume(breakOffAfterFirstBatch)).rejects.toThrow('interrupted');
    expect(await lockState()).toBe('turning-on');
    const half = await readRawRows('notes');
    expect(half.filter((row) => 'cipher' in row).length).toBeGreaterThan(1);
    expect(half.filter((row) => 'answer' in row).length).toBeGreaterThan(0);
    // Half-way the journal reads whole: plain and encrypted rows side by side.
    expect(await allNotes()).toHaveLength(601);

    // The journal locks (a browser restart) and a note is saved meanwhile; nothing runs while locked.
    await lockNow();
    const sealed = await addNote({ ...SAMPLE_NOTE, answer: 'Saved while locked, half-way.' }, T0 + 2 * HOUR);
    await resume(() => undefined);
    expect(await lockState()).toBe('turning-on');

    expect((await unlock({ passphrase: PASSPHRASE }, T0)).ok).toBe(true);
    await resume(() => undefined);
    expect(await lockState()).toBe('on');
    const rows = await readRawRows('notes');
    expect(rows).toHaveLength(602);
    expect(rows.every((row) => 'cipher' in row && !('sealed' in row) && !('answer' in row))).toBe(true);
    expect((await readRawRows('prompts')).every((row) => 'cipher' in row && !('text' in row))).toBe(true);
    await expectOffDisk(['answer number ', 'Written while turning on.', 'Saved while locked, half-way.', ...PROMPTS.map((p) => p.text)]);
    expect(await allNotes()).toEqual([sealed, early, ...[...notes].reverse()]);
    expect(await listCustomPrompts()).toEqual(PROMPTS);
  });

  it('keeps "turning off" until every record is plain; a later resume gives everything back', async () => {
    const notes = await seedMany();
    const rowsBefore = await readRawRows('notes');
    await turnOn();
    await startRemovingLock({ passphrase: PASSPHRASE }, T0);

    await expect(resume(breakOffAfterFirstBatch)).rejects.toThrow('interrupted');
    expect(await lockState()).toBe('turning-off');
    const half = await readRawRows('notes');
    expect(half.filter((row) => 'cipher' in row).length).toBeGreaterThan(0);
    expect(half.filter((row) => 'answer' in row).length).toBeGreaterThan(1);
    // On its way to plain, a new note starts there.
    const late = await addNote({ ...SAMPLE_NOTE, answer: 'Written while turning off.' }, T0 + HOUR);
    expect((await readRawRows('notes')).find((row) => row.id === late.id)).toHaveProperty('answer', 'Written while turning off.');

    await resume(() => undefined);
    expect(await readLock()).toBeUndefined();
    expect(await sessionDataKey()).toBeUndefined();
    expect((await readRawRows('notes')).filter((row) => row.id !== late.id)).toEqual(rowsBefore);
    expect(await allNotes()).toEqual([late, ...[...notes].reverse()]);
    expect(await listCustomPrompts()).toEqual(PROMPTS);
  });
});

describe('two pages finishing the lock at once', () => {
  it('a key replaced while another page holds the settling is re-encrypted once that page is done, not skipped', async () => {
    const notes: Note[] = [];
    await turnOn();
    for (let i = 0; i < 5; i++) notes.push(await addNote({ ...SAMPLE_NOTE, answer: `Answer ${i}` }, T0 + i));
    // Another page's pass (say, folding notes saved while locked) read the record before the key
    // changed: whatever it finds, it will not re-encrypt under the new key.
    let release = () => {};
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const otherPage = navigator.locks.request(SETTLE_LOCK, () => {
      held();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await holding;

    await changePassphrase({ passphrase: PASSPHRASE }, 'a brand new passphrase', T0 + HOUR, { replaceKey: true });
    const replaced = resume(() => undefined);
    await Promise.resolve();
    expect((await readLock())?.keys.previous).toBeDefined();
    release();
    await otherPage;
    await replaced;

    const after = await readLock();
    expect(after?.keys.previous).toBeUndefined();
    const rows = await readRawRows('notes');
    expect(rows).toHaveLength(notes.length);
    expect(rows.every((row) => (row.cipher as { kid?: string } | undefined)?.kid === after?.keys.keyId)).toBe(true);
    expect(await allNotes()).toEqual([...notes].reverse());
  });
});

describe('drafts under the lock', () => {
  /** A page opened afresh: its own copy of drafts gone, as after a reload. */
  const newPage = () => forgetPageDrafts();

  it("leave the browser's memory when the journal locks: a keystroke whose database write was cut off is not readable after Lock now", async () => {
    await createLock(PASSPHRASE, T0);
    // What a popup closed mid-write leaves while unlocked: its last keystroke in memory only.
    await fakeBrowser.storage.session.set({ 'draft:q-beliefs': { text: 'Typed just before Lock now', updatedAt: T0 } });
    await lockNow();
    expect(await sessionText()).not.toContain('Typed just before Lock now');
    newPage();
    expect((await restoreDrafts()).drafts).toEqual({});
  });

  it('are sealed when the lock is turned on: not on disk, not readable once locked, back at unlock', async () => {
    await writeDraft('q-drafted-before', 'Half a thought before the lock', T0);
    await fakeBrowser.storage.local.set({ drafts: { 'q-durable-only': { text: 'Only in the durable copy', updatedAt: T0 } } });
    expect(await draftStoreText()).toContain('Half a thought before the lock');

    await createLock(PASSPHRASE, T0);
    await expectOffDisk(['Half a thought before the lock', 'Only in the durable copy']);
    expect(await draftStoreText()).not.toContain('Half a thought before the lock');
    expect(await draftStoreText()).not.toContain('Only in the durable copy');
    expect(await sessionText()).not.toContain('Half a thought');

    // Locked: a page knows a draft is kept, by id, and cannot read it.
    await lockNow();
    newPage();
    expect(draftIds().includes('q-drafted-before')).toBe(true);
    expect(await restoreDrafts()).toEqual({ drafts: {}, sealed: ['q-drafted-before', 'q-durable-only'] });
    expect(readDraft('q-drafted-before')).toBeUndefined();
    expect(draftIds().includes('q-durable-only')).toBe(true);

    // Unlocked: both come back.
    expect((await unlock({ passphrase: PASSPHRASE }, T0)).ok).toBe(true);
    newPage();
    const { drafts: restored } = await restoreDrafts();
    expect(restored['q-drafted-before']).toEqual({ text: 'Half a thought before the lock', updatedAt: T0 });
    expect(restored['q-durable-only']).toEqual({ text: 'Only in the durable copy', updatedAt: T0 });
  });

  it('typed while locked are kept, sealed, until unlocked or saved', async () => {
    await turnOn();
    await lockNow();
    await writeDraft('q-under-lock', 'Typed under the lock', T0);
    // The page that typed it still has it; nothing readable is kept anywhere else.
    expect(readDraft('q-under-lock')).toEqual({ text: 'Typed under the lock', updatedAt: T0 });
    await expectOffDisk(['Typed under the lock']);
    expect(await draftStoreText()).not.toContain('Typed under the lock');
    expect(await sessionText()).not.toContain('Typed under the lock');
    newPage();
    expect(await restoreDrafts()).toEqual({ drafts: {}, sealed: ['q-under-lock'] });
    expect(draftIds().includes('q-under-lock')).toBe(true);

    expect((await unlock({ passphrase: PASSPHRASE }, T0)).ok).toBe(true);
    newPage();
    expect((await restoreDrafts()).drafts['q-under-lock']?.text).toBe('Typed under the lock');
    await clearDraft('q-under-lock', T0 + 1);
    newPage();
    expect(await restoreDrafts()).toEqual({ drafts: {}, sealed: [] });
    expect(draftIds().includes('q-under-lock')).toBe(false);
  });

  it('are known by prompt id before first paint, so a page opens on the prompt being answered', async () => {
    await writeDraft('q-before-on', 'Before the lock went on', T0);
    await turnOn();
    await writeDraft('q-under-lock', 'Typed under the lock', T0);
    await writeDraft('q-emptied', 'Typed, then erased', T0);
    await writeDraft('q-emptied', '', T0 + 1);
    // What a new page sees first: ids in its own storage, no text anywhere.
    expect(JSON.parse(localStorage.getItem('adempauze.draftIds') ?? '[]')).toEqual(['q-before-on', 'q-under-lock']);
    await expectOffDisk(['Typed under the lock', 'Before the lock went on']);
    expect(draftIds().includes('q-under-lock')).toBe(true);
    expect(draftIds().includes('q-before-on')).toBe(true);
    expect(draftIds().includes('q-emptied')).toBe(false);
  });

  it('are plain again when the lock is removed', async () => {
    await writeDraft('q-before-on', 'Before the lock went on', T0);
    await turnOn();
    await writeDraft('q-while-on', 'While the lock was on', T0 + 1);
    expect(await draftStoreText()).not.toContain('While the lock was on');
    await turnOff();

    newPage();
    expect((await restoreDrafts()).drafts).toEqual({
      'q-before-on': { text: 'Before the lock went on', updatedAt: T0 },
      'q-while-on': { text: 'While the lock was on', updatedAt: T0 + 1 },
    });
    expect(await draftStoreText()).toContain('While the lock was on');
    await writeDraft('q-after-off', 'After the lock came off', T0 + 2);
    expect(await draftStoreText()).toContain('After the lock came off');
  });
});
