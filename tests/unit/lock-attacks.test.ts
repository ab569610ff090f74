// The lock keeps its promises against someone who can write to the extension's storage (any
// extension page, a copied profile) but does not know the passphrase: what they change is refused
// or shown, never acted on. Tables of the rules, each against the real verbs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { noteContext, noteToRow } from '@/utils/db/cipher';
import { addNote, getNotes, listNotesPage } from '@/utils/db/notes';
import { listCustomPrompts, putCustomPrompt } from '@/utils/db/prompts';
import { JournalLockedError } from '@/utils/errors';
import { WrongSecretError } from '@/utils/lock/wrong-secret';
import { encryptText, fromBase64, padded, toBase64 } from '@/utils/lock/crypto';
import {
  currentWriter,
  journalKeys,
  LOCK_KEY,
  lockFields,
  lockView,
  readLock,
  readLockWarning,
  whileWriting,
  writeLock,
} from '@/utils/lock/keys';
import { lockChecksOut, recordMacKey, signLock } from '@/utils/lock/open';
import { changePassphrase, confirmSecret, createLock, lockNow, resume, startRemovingLock, unlock } from '@/utils/lock/lock';
import { createLockKeys, newSealingKeyPair, unwrapDataKey } from '@/utils/lock/secrets';
import type { LockRecordV2 } from '@/utils/model/lock';
import type { Note } from '@/utils/model/records';
import { forgetPageDrafts, restoreDrafts, writeDraft } from '@/utils/storage/drafts';
import { HOUR, MINUTE } from '@/utils/time';
import { readRawRows } from './at-rest';
import { lockRecordV1 } from './locked-journal';
import { writeRawRows } from './raw-rows';
import { SAMPLE_NOTE } from './sample-note';

const T0 = Date.UTC(2026, 11, 6, 9);
const PASSPHRASE = 'a long walk along the Amstel';
const OWNER = { passphrase: PASSPHRASE };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The stored record exactly as storage.local holds it, changed past every verb, as an attacker would. */
async function tamper(change: (record: LockRecordV2) => object): Promise<void> {
  const stored = (await fakeBrowser.storage.local.get(LOCK_KEY))[LOCK_KEY] as LockRecordV2;
  await fakeBrowser.storage.local.set({ [LOCK_KEY]: change(stored) });
}

async function turnOn(): Promise<string> {
  const recovery = await createLock(PASSPHRASE, T0);
  await resume(() => undefined);
  return recovery;
}

async function rawNote(id: string): Promise<Record<string, unknown>> {
  const row = (await readRawRows('notes')).find((stored) => stored.id === id);
  if (!row) throw new Error(`No row ${id}`);
  return row;
}

describe('the authenticated lock record', () => {
  it('checks out as signed, and not once any field of it is changed', async () => {
    const { keys, dataKeyBytes } = await createLockKeys(PASSPHRASE, T0);
    const macKey = await recordMacKey(dataKeyBytes);
    const record = await signLock(lockFields(keys, 'on', T0), macKey);
    expect(await lockChecksOut(record, macKey)).toBe(true);
    // The same record read back in another key order still checks out: the MAC covers its content.
    expect(await lockChecksOut(JSON.parse(JSON.stringify({ ...record, keys: { ...record.keys } })) as LockRecordV2, macKey)).toBe(true);
    const other = await newSealingKeyPair();
    const changed: [string, LockRecordV2][] = [
      ['state turning off', { ...record, state: 'turning-off' }],
      ['state turning on', { ...record, state: 'turning-on' }],
      ['lock after', { ...record, lockAfterMinutes: 24 * 60 }],
      ['changed at', { ...record, changedAt: T0 + 1 }],
      ['earlier rows allowed again', { ...record, legacyRows: true }],
      ['public key', { ...record, keys: { ...keys, publicKey: other.publicKey } }],
      ['key id', { ...record, keys: { ...keys, keyId: 'another' } }],
      ['key date', { ...record, keys: { ...keys, createdAt: T0 - HOUR } }],
      ['passphrase wrap', { ...record, keys: { ...keys, passphrase: { ...keys.passphrase, key: keys.recovery.key } } }],
      ['mac not base64', { ...record, mac: '!!' }],
      ['mac of another record', { ...record, mac: (await signLock(lockFields(keys, 'turning-off', T0), macKey)).mac }],
    ];
    for (const [what, forged] of changed) expect(await lockChecksOut(forged, macKey), what).toBe(false);
    // Another lock's key does not make a MAC that checks out here.
    const stranger = await createLockKeys(PASSPHRASE, T0);
    const foreign = await signLock(lockFields(keys, 'turning-off', T0), await recordMacKey(stranger.dataKeyBytes));
    expect(await lockChecksOut(foreign, macKey)).toBe(false);
    // A version-1 record has no MAC at all.
    expect(await lockChecksOut(lockRecordV1(keys, 'on', T0), macKey)).toBe(false);
  });

  it('never writes plain text while a lock record exists: a forged "turning off" is sealed while locked, encrypted while unlocked', async () => {
    await turnOn();
    await lockNow();
    await tamper((record) => ({ ...record, state: 'turning-off' }));
    expect((await currentWriter()).kind).toBe('seal');
    const locked = await addNote({ ...SAMPLE_NOTE, answer: 'Saved while locked.' }, T0 + MINUTE);
    expect(await rawNote(locked.id)).toHaveProperty('sealed');
    expect(JSON.stringify(await rawNote(locked.id))).not.toContain('Saved while locked.');

    // With the journal unlocked, a record that does not check out is acted on by nobody: still sealed.
    await unlock(OWNER, T0 + MINUTE);
    await tamper((record) => ({ ...record, state: 'turning-off' }));
    expect(await journalKeys()).toBeUndefined();
    expect((await currentWriter()).kind).toBe('seal');
    // Only the owner's own "turning off" (signed, after the passphrase) writes plain.
    await unlock(OWNER, T0 + 2 * MINUTE);
    await startRemovingLock(OWNER, T0 + 2 * MINUTE);
    expect((await currentWriter()).kind).toBe('plain');
  });

  it('refuses a forged "turning off" at unlock: warns, keeps the lock on, decrypts nothing', async () => {
    await turnOn();
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'Mine.' }, T0);
    await lockNow();
    const keyId = (await readLock())?.keys.keyId;
    // The key's id too: rows name it, and an id changed in storage must not make them unreadable.
    await tamper((record) => ({ ...record, state: 'turning-off', lockAfterMinutes: 24 * 60, keys: { ...record.keys, keyId: 'forged' } }));

    const result = await unlock(OWNER, T0 + MINUTE);
    expect(result.ok && result.problems).toEqual(['record']);
    await resume(() => undefined);
    const lock = await readLock();
    expect(lock).toMatchObject({ version: 2, state: 'on', lockAfterMinutes: 15, keys: { keyId } });
    expect(await journalKeys()).toBeDefined();
    expect(await rawNote(note.id)).toHaveProperty('cipher');
    expect(await readLockWarning()).toEqual(['record']);
    expect(await lockView()).toMatchObject({ kind: 'unlocked', state: 'on', warning: ['record'] });
    expect(await getNotes([note.id])).toEqual([note]);
  });

  it('upgrades a version-1 record at unlock, never taking its "turning off" on its word', async () => {
    const { keys } = await createLockKeys(PASSPHRASE, T0);
    await writeLock(lockRecordV1({ ...keys, keyId: undefined, createdAt: undefined }, 'turning-off', T0));
    expect((await currentWriter()).kind).toBe('seal');
    const result = await unlock(OWNER, T0 + MINUTE);
    expect(result.ok && result.problems).toEqual([]);
    expect(await readLock()).toMatchObject({ version: 2, state: 'turning-on', legacyRows: true, keys: { createdAt: T0 } });
    await resume(() => undefined);
    expect(await readLock()).toMatchObject({ version: 2, state: 'on', legacyRows: false });
  });

  it('replaces a swapped public key at unlock, and flags the note sealed to it meanwhile', async () => {
    await turnOn();
    await lockNow();
    const before = await addNote({ ...SAMPLE_NOTE, answer: 'Sealed to my own key.' }, T0);
    const thief = await newSealingKeyPair();
    await tamper((record) => ({ ...record, keys: { ...record.keys, publicKey: thief.publicKey } }));
    const stolen = await addNote({ ...SAMPLE_NOTE, answer: 'Sealed to the thief.' }, T0 + MINUTE);

    const result = await unlock(OWNER, T0 + 2 * MINUTE);
    expect(result.ok && [...result.problems].sort()).toEqual(['public-key', 'record']);
    const lock = await readLock();
    const original = (await readRawRows('notes')).length;
    expect(original).toBe(2);
    expect(lock?.keys.publicKey).not.toBe(thief.publicKey);
    expect(await readLockWarning()).toEqual(expect.arrayContaining(['record', 'public-key']));
    // The note sealed to the right key is read and folded in; the other is flagged, not "damaged".
    expect(await getNotes([before.id])).toEqual([before]);
    expect(await getNotes([stolen.id])).toEqual([expect.objectContaining({ id: stolen.id, unreadable: true, suspect: 'wrong-key' })]);
    // From now on saves while locked go to the new key pair, and read back.
    await lockNow();
    const after = await addNote({ ...SAMPLE_NOTE, answer: 'Sealed to the new key.' }, T0 + 3 * MINUTE);
    await unlock(OWNER, T0 + 4 * MINUTE);
    expect(await getNotes([after.id])).toEqual([after]);
  });
});

describe('the binding of every readable field', () => {
  it('shows a note as damaged when any readable field is changed, or an older ciphertext is put back', async () => {
    await turnOn();
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'First words.' }, T0);
    const first = await rawNote(note.id);
    const { updateNoteAnswer } = await import('@/utils/db/notes');
    const edited = await updateNoteAnswer(note, 'Second words.', T0 + MINUTE, note.updatedAt);
    const second = await rawNote(note.id);
    const edits: [string, object][] = [
      ['older ciphertext (rollback)', { ...second, cipher: first.cipher }],
      ['updatedAt', { ...second, updatedAt: T0 + HOUR }],
      ['createdAt', { ...second, createdAt: T0 - HOUR }],
      ['promptId', { ...second, promptId: 'q-other' }],
      ['promptKind', { ...second, promptKind: 'step' }],
      ['locale', { ...second, locale: 'nl' }],
      ['source', { ...second, source: 'pause' }],
      ['key id', { ...second, cipher: { ...(second.cipher as object), kid: 'another' } }],
      ['binding marker taken off (downgrade)', { ...second, cipher: { ...(second.cipher as object), v: undefined } }],
    ];
    for (const [what, row] of edits) {
      await writeRawRows('notes', [row]);
      const [read] = await getNotes([note.id]);
      expect(read, what).toMatchObject({ id: note.id, answer: '', unreadable: true });
    }
    await writeRawRows('notes', [second]);
    expect(await getNotes([note.id])).toEqual([edited]);
  });

  it('reads rows bound the earlier way only until every row is re-encrypted, then refuses them', async () => {
    await turnOn();
    const keys = await journalKeys();
    if (!keys) throw new Error('Not unlocked');
    const note: Note = { ...SAMPLE_NOTE, id: 'legacy-1', answer: 'Written by an earlier release.', createdAt: T0, updatedAt: T0 };
    const { id, promptId, promptKind, locale, createdAt, updatedAt, source, answer, promptText } = note;
    const legacy = {
      id,
      promptId,
      promptKind,
      locale,
      createdAt,
      updatedAt,
      source,
      cipher: await encryptText(keys.dataKey, JSON.stringify({ answer, promptText }), `note:${note.id}`),
    };
    // The record says rows bound the earlier way may still be there (as after an upgrade).
    const lock = await readLock();
    if (lock?.version !== 2) throw new Error('No lock');
    await writeLock(await signLock({ ...lock, legacyRows: true }, keys.macKey));
    await writeRawRows('notes', [legacy]);
    expect(await getNotes([note.id])).toEqual([note]);

    await resume(() => undefined);
    expect(await readLock()).toMatchObject({ legacyRows: false });
    expect(await rawNote(note.id)).toMatchObject({ cipher: { v: 2, kid: keys.keyId } });
    expect(await getNotes([note.id])).toEqual([note]);
    // Put back as it was: refused now, shown as damaged.
    await writeRawRows('notes', [legacy]);
    expect(await getNotes([note.id])).toEqual([expect.objectContaining({ unreadable: true })]);
  });

  it('flags a plain row found while the lock is on, and leaves it plain (encrypting it would make it pass for the owner’s)', async () => {
    await turnOn();
    const planted: Note = { ...SAMPLE_NOTE, id: 'planted', answer: 'Not written by the owner.', createdAt: T0, updatedAt: T0 };
    await writeRawRows('notes', [planted]);
    expect((await listNotesPage({ limit: 10 })).notes).toEqual([{ ...planted, suspect: 'plain' }]);
    await putCustomPrompt({ id: 'c-own', text: 'My own question', createdAt: T0, updatedAt: T0 });
    await writeRawRows('prompts', [{ id: 'c-planted', text: 'Planted question', createdAt: T0, updatedAt: T0 }]);
    expect((await listCustomPrompts()).map((prompt) => prompt.id)).toEqual(['c-own']);
  });

  it('pads the texts to a size bucket: answers of 1 and 150 characters give ciphertexts of one length', async () => {
    await turnOn();
    const short = await addNote({ ...SAMPLE_NOTE, answer: 'a' }, T0);
    const longer = await addNote({ ...SAMPLE_NOTE, answer: 'b'.repeat(150) }, T0);
    const length = async (id: string) => ((await rawNote(id)).cipher as { data: string }).data.length;
    expect(await length(short.id)).toBe(await length(longer.id));
    const sizes = [0, 1, 255, 256, 257, 4000, 16_384, 16_385, 40_000].map((n) => padded('x'.repeat(n)).length);
    expect(sizes).toEqual([256, 256, 256, 256, 512, 4096, 16_384, 32_768, 49_152]);
  });

  it('binds a sealed note the same way: a changed date after sealing is shown as damaged', async () => {
    await turnOn();
    await lockNow();
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'Sealed.' }, T0);
    const row = await rawNote(note.id);
    await writeRawRows('notes', [{ ...row, createdAt: T0 - HOUR }]);
    await unlock(OWNER, T0 + MINUTE);
    expect(await getNotes([note.id])).toEqual([expect.objectContaining({ unreadable: true })]);
  });
});

describe('asking again for what cannot be undone', () => {
  it('refuses to remove the lock or change the passphrase without the right passphrase or recovery key', async () => {
    const recoveryKey = await turnOn();
    const before = await readLock();
    const wrong = { passphrase: 'not the passphrase' };
    await expect(startRemovingLock(wrong, T0)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(changePassphrase(wrong, 'a new passphrase', T0)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(changePassphrase(wrong, 'a new passphrase', T0, { replaceKey: true })).rejects.toBeInstanceOf(WrongSecretError);
    expect(await readLock()).toEqual(before);
    // Counted like wrong unlocks: the third waits.
    await expect(confirmSecret(OWNER, T0)).rejects.toBeInstanceOf(WrongSecretError);
    vi.setSystemTime(T0 + 2000);
    expect(await confirmSecret({ recoveryKey }, T0 + 2000)).toBeInstanceOf(Uint8Array);
    await startRemovingLock({ recoveryKey }, T0 + 2000);
    expect((await readLock())?.state).toBe('turning-off');
  });

  it('refuses while locked', async () => {
    await turnOn();
    await lockNow();
    await expect(confirmSecret(OWNER, T0)).rejects.toBeInstanceOf(JournalLockedError);
    await expect(startRemovingLock(OWNER, T0)).rejects.toBeInstanceOf(JournalLockedError);
  });
});

describe('replacing the key', () => {
  it('re-encrypts every note and own prompt under a new key, resumably; the old wraps are gone', async () => {
    const oldRecovery = await turnOn();
    const notes: Note[] = [];
    for (let i = 0; i < 12; i++) notes.push(await addNote({ ...SAMPLE_NOTE, answer: `Answer ${i}` }, T0 + i));
    await putCustomPrompt({ id: 'c-own', text: 'My own question', createdAt: T0, updatedAt: T0 });
    await lockNow();
    const sealed = await addNote({ ...SAMPLE_NOTE, answer: 'Sealed before the new key.' }, T0 + HOUR);
    await writeDraft('q-beliefs', 'A draft sealed before the new key', T0 + HOUR);
    await unlock(OWNER, T0 + HOUR);
    const before = await readLock();
    const oldKey = await journalKeys();

    const newRecovery = await changePassphrase(OWNER, 'a brand new passphrase', T0 + HOUR, { replaceKey: true });
    expect(newRecovery).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    const during = await readLock();
    if (!during || !before || !oldKey) throw new Error('No lock');
    expect(during.keys.keyId).not.toBe(before.keys.keyId);
    expect(during.keys.previous?.keyId).toBe(before.keys.keyId);
    // The old passphrase and recovery key open nothing stored any more.
    expect(await unwrapDataKey(during.keys, OWNER)).toBeUndefined();
    expect(await unwrapDataKey(during.keys, { recoveryKey: oldRecovery })).toBeUndefined();
    expect(JSON.stringify(during)).not.toContain(before.keys.passphrase.key.data);
    expect(JSON.stringify(during)).not.toContain(before.keys.recovery.key.data);
    // Every note still reads, half-way too.
    expect(await getNotes([...notes, sealed].map((note) => note.id))).toEqual([...notes, sealed]);

    // Interrupted after the first rows, as by a closed tab; the next resume finishes.
    const { settleRecords } = await import('@/utils/db/settle');
    const keys = await journalKeys();
    if (!keys) throw new Error('Not unlocked');
    await expect(
      settleRecords({ kind: 'encrypt', key: keys.dataKey, keyId: keys.keyId }, keys, (done) => {
        if (done > 0) throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect((await readLock())?.keys.previous).toBeDefined();
    await resume(() => undefined);
    const after = await readLock();
    expect(after?.keys.previous).toBeUndefined();
    const rows = [...(await readRawRows('notes')), ...(await readRawRows('prompts'))];
    expect(rows.every((row) => (row.cipher as { kid?: string } | undefined)?.kid === after?.keys.keyId)).toBe(true);

    await lockNow();
    expect((await unlock(OWNER, T0 + 2 * HOUR)).ok).toBe(false);
    expect((await unlock({ recoveryKey: oldRecovery }, T0 + 2 * HOUR)).ok).toBe(false);
    vi.setSystemTime(T0 + 3 * HOUR);
    expect((await unlock({ recoveryKey: newRecovery ?? '' }, T0 + 3 * HOUR)).ok).toBe(true);
    expect(await getNotes([...notes, sealed].map((note) => note.id))).toEqual([...notes, sealed]);
    expect((await listCustomPrompts()).map((prompt) => prompt.text)).toEqual(['My own question']);
    // The draft sealed to the old key was sealed again to the new one.
    forgetPageDrafts();
    expect((await restoreDrafts()).drafts).toEqual({ 'q-beliefs': { text: 'A draft sealed before the new key', updatedAt: T0 + HOUR } });
    // A row under the old key, put back, no longer opens: that key is gone.
    const oldRow = await noteToRow(notes[0]!, { kind: 'encrypt', key: oldKey.dataKey, keyId: oldKey.keyId });
    await writeRawRows('notes', [oldRow]);
    expect(await getNotes([notes[0]!.id])).toEqual([expect.objectContaining({ unreadable: true })]);
    expect(noteContext(notes[0]!, 'k')).toContain(notes[0]!.id);
  });
});

describe('the end of removing the lock', () => {
  it('brings to plain a save sealed just as the lock went, so nothing is stranded', async () => {
    await turnOn();
    await addNote({ ...SAMPLE_NOTE, answer: 'Before.' }, T0);
    await startRemovingLock(OWNER, T0);
    const lock = await readLock();
    if (!lock) throw new Error('No lock');
    let late: Note | undefined;
    const lockGone = new Promise<void>((resolve) =>
      fakeBrowser.storage.onChanged.addListener((changes) => {
        if (LOCK_KEY in changes && changes[LOCK_KEY]?.newValue == null) resolve();
      }),
    );
    await resume(() => (done, total) => {
      if (done < total || late) return;
      // A popup that read the lock while it was still there (sealed, as while locked), and whose
      // write lands only after the lock went: removing it waits for every write begun before.
      late = { ...SAMPLE_NOTE, id: 'late', answer: 'Saved as the lock went.', createdAt: T0 + 1, updatedAt: T0 + 1 };
      const note = late;
      void whileWriting(async () => {
        const { importPublicKey, keyFingerprint } = await import('@/utils/lock/crypto');
        const row = await noteToRow(note, {
          kind: 'seal',
          publicKey: await importPublicKey(lock.keys.publicKey),
          to: await keyFingerprint(lock.keys.publicKey),
        });
        await lockGone;
        await writeRawRows('notes', [row]);
      });
    });
    expect(await readLock()).toBeUndefined();
    expect(await rawNote('late')).toMatchObject({ answer: 'Saved as the lock went.' });
    expect(toBase64(fromBase64('AA=='))).toBe('AA==');
  });
});
