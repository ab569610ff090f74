/**
 * The sync engine between two browsers in one test: each its own IndexedDB and extension storage,
 * switched like two profiles, over a WebDAV server in memory (fake-dav.ts; the real server runs in
 * the e2e tests and the bench).
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addNote, deleteNote, getNotes, listNotesPage, updateNoteAnswer } from '@/utils/db/notes';
import { applyFromServer } from '@/utils/db/sync-rows';
import { closeDatabase } from '@/utils/db/connection';
import { listCustomPrompts, putCustomPrompt } from '@/utils/db/prompts';
import { importDataKey } from '@/utils/lock/crypto';
import { readingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { encodeFile, PROMPTS_FILE } from '@/utils/sync/format';
import { closeSyncState } from '@/utils/sync/files-db';
import { createSyncKeys } from '@/utils/sync/keys';
import { runSync, type SyncReport } from '@/utils/sync/engine';
import { fakeDav, type FakeDav } from './fake-dav';
import { turnOnLock } from './locked-journal';
import { SAMPLE_NOTE } from './sample-note';

interface Profile {
  idb: IDBFactory;
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

const newProfile = (): Profile => ({ idb: new IDBFactory(), local: {}, session: {} });
let current: Profile | undefined;

/** Makes `profile` the browser the code runs in, keeping the one before as it was. */
async function become(profile: Profile): Promise<void> {
  if (current === profile) return;
  if (current) {
    current.local = await fakeBrowser.storage.local.get(null);
    current.session = await fakeBrowser.storage.session.get(null);
  }
  await closeDatabase();
  await closeSyncState();
  globalThis.indexedDB = profile.idb;
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.session.clear();
  await fakeBrowser.storage.local.set(profile.local);
  await fakeBrowser.storage.session.set(profile.session);
  current = profile;
}

let dav: FakeDav;
let key: CryptoKey;
let keyId: string;
let clock = Date.UTC(2026, 11, 1, 9);
const now = () => (clock += 1000);

async function sync(profile: Profile): Promise<SyncReport> {
  await become(profile);
  return runSync({ dav, key, keyId, keys: await readingKeys(), now });
}

async function notes(profile: Profile): Promise<readonly Note[]> {
  await become(profile);
  return (await listNotesPage({ limit: 1000 })).notes;
}

const texts = async (profile: Profile) => (await notes(profile)).map((note) => note.answer).sort();

let a: Profile;
let b: Profile;

beforeEach(async () => {
  current = undefined;
  a = newProfile();
  b = newProfile();
  dav = fakeDav();
  const made = await createSyncKeys('a long walk along the Amstel', clock);
  key = await importDataKey(made.key);
  keyId = made.file.keyId;
  dav.files.set('keys.json', { body: new TextEncoder().encode(JSON.stringify(made.file)), etag: '"k"', modified: clock });
});

describe('sync between two browsers', () => {
  it('brings a note written in one to the other, and a second run with nothing to do reads and writes nothing', async () => {
    await become(a);
    await addNote({ ...SAMPLE_NOTE, answer: 'Written in A' }, now());
    expect((await sync(a)).went).toBe(1);
    expect((await sync(b)).came).toBe(1);
    expect(await texts(b)).toEqual(['Written in A']);
    expect((await notes(b))[0]).toEqual((await notes(a))[0]);

    dav.requests.length = 0;
    await sync(b);
    await sync(a);
    expect(dav.requests.filter((request) => !request.startsWith('PROPFIND'))).toEqual([]);
  });

  it('keeps both texts of a note edited in both browsers, linked, in both', async () => {
    await become(a);
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'First' }, now());
    await sync(a);
    await sync(b);
    await become(a);
    await updateNoteAnswer(note, 'Edited in A', now(), note.updatedAt);
    await become(b);
    await updateNoteAnswer(note, 'Edited in B', now(), note.updatedAt);
    await sync(a);
    expect((await sync(b)).conflicts).toBe(1);
    await sync(a);
    for (const profile of [a, b]) {
      const all = await notes(profile);
      expect(all.map((entry) => entry.answer).sort()).toEqual(['Edited in A', 'Edited in B']);
      const copy = all.find((entry) => entry.conflictOf !== undefined);
      expect(copy?.conflictOf).toBe(note.id);
      expect(copy?.answer).toBe('Edited in A');
    }
    // Nothing more happens after.
    expect((await sync(b)).conflicts).toBe(0);
    expect(await texts(a)).toHaveLength(2);
  });

  it('keeps an edit made in one over a delete made in the other', async () => {
    await become(a);
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'First' }, now());
    await sync(a);
    await sync(b);
    await become(a);
    await deleteNote(note.id, note.updatedAt);
    await become(b);
    await updateNoteAnswer(note, 'Kept', now(), note.updatedAt);
    await sync(a);
    await sync(b);
    await sync(a);
    expect(await texts(a)).toEqual(['Kept']);
    expect(await texts(b)).toEqual(['Kept']);
  });

  it('deletes in the other browser what was deleted in one', async () => {
    await become(a);
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'Gone soon' }, now());
    await addNote({ ...SAMPLE_NOTE, answer: 'Stays' }, now());
    await sync(a);
    await sync(b);
    await become(a);
    await deleteNote(note.id, note.updatedAt);
    await sync(a);
    await sync(b);
    expect(await texts(b)).toEqual(['Stays']);
  });

  it('merges two journals that both had notes, by id, and brings own prompts along', async () => {
    await become(a);
    await addNote({ ...SAMPLE_NOTE, answer: 'A1' }, now());
    await putCustomPrompt({ id: 'own-1', text: 'What did I not say?', createdAt: clock, updatedAt: clock });
    await become(b);
    await addNote({ ...SAMPLE_NOTE, answer: 'B1' }, now());
    await sync(a);
    const report = await sync(b);
    expect([report.came, report.went]).toEqual([2, 1]);
    await sync(a);
    expect(await texts(a)).toEqual(['A1', 'B1']);
    expect(await texts(b)).toEqual(['A1', 'B1']);
    await become(b);
    expect((await listCustomPrompts()).map((prompt) => prompt.text)).toEqual(['What did I not say?']);
  });

  it('resumes a run cut off after its upload without losing or doubling anything', async () => {
    await become(a);
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'First' }, now());
    await sync(a);
    await sync(b);
    await become(a);
    await updateNoteAnswer(note, 'Edited in A', now(), note.updatedAt);
    await become(b);
    await updateNoteAnswer(note, 'Edited in B', now(), note.updatedAt);
    await sync(a);
    // B's worker dies right after the server took its merged file, before anything was stored in B.
    dav.afterPut = () => {
      throw new Error('worker killed');
    };
    await expect(sync(b)).rejects.toThrow('worker killed');
    dav.afterPut = undefined;
    await sync(b);
    await sync(a);
    expect(await texts(a)).toEqual(['Edited in A', 'Edited in B']);
    expect(await texts(b)).toEqual(['Edited in A', 'Edited in B']);
  });

  it('merges again when another browser wrote the file between reading and writing', async () => {
    await become(a);
    await addNote({ ...SAMPLE_NOTE, answer: 'A1' }, now());
    let first = true;
    dav.beforePut = () => {
      if (!first) return undefined;
      first = false;
      return 'changed';
    };
    await sync(a);
    expect(await texts(a)).toEqual(['A1']);
    await sync(b);
    expect(await texts(b)).toEqual(['A1']);
  });

  it('sets aside a damaged file, a file under another key and an older file, applying and overwriting none of them', async () => {
    await become(a);
    await addNote({ ...SAMPLE_NOTE, answer: 'A1' }, now());
    await putCustomPrompt({ id: 'own-1', text: 'Mine', createdAt: clock, updatedAt: clock });
    await sync(a);
    await sync(b);
    const [name] = [...dav.files.keys()].filter((file) => file.startsWith('n-'));
    const good = dav.files.get(name ?? '');
    if (!name || !good) throw new Error('no note file');
    // Truncated on the server.
    dav.files.set(name, { body: good.body.slice(0, good.body.length - 20), etag: '"cut"', modified: clock });
    const truncated = await sync(b);
    expect(truncated.setAside).toEqual([{ file: name, problem: 'damaged' }]);
    expect(await texts(b)).toEqual(['A1']);
    expect(dav.files.get(name)?.etag).toBe('"cut"');
    // Under another key: a journal someone else started.
    const other = await importDataKey(crypto.getRandomValues(new Uint8Array(32)));
    dav.files.set(name, {
      body: await encodeFile(other, 'other', name, 9, [{ id: 'x', updatedAt: clock, deleted: true }]),
      etag: '"other"',
      modified: clock,
    });
    expect((await sync(b)).setAside).toEqual([{ file: name, problem: 'other-key' }]);
    // Another file's content renamed into this one's place.
    dav.files.set(name, { body: (dav.files.get(PROMPTS_FILE) ?? good).body, etag: '"moved"', modified: clock });
    expect((await sync(b)).setAside).toEqual([{ file: name, problem: 'wrong-place' }]);
  });

  it('sets aside an older version of a file put back on the server (rolled back)', async () => {
    await become(a);
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'A1' }, now());
    await sync(a);
    const name = [...dav.files.keys()].find((file) => file.startsWith('n-')) ?? '';
    const first = dav.files.get(name);
    await become(a);
    await updateNoteAnswer(note, 'A2', now(), note.updatedAt);
    await sync(a);
    await sync(b);
    if (!first) throw new Error('no note file');
    // The genuine first version, written back by someone who kept it.
    dav.files.set(name, { ...first, etag: '"again"' });
    expect((await sync(b)).setAside).toEqual([{ file: name, problem: 'rolled-back' }]);
    expect(await texts(b)).toEqual(['A2']);
    expect(dav.files.get(name)?.etag).toBe('"again"');
  });

  it('writes back a file the server lost, deleting nothing here', async () => {
    await become(a);
    await addNote({ ...SAMPLE_NOTE, answer: 'A1' }, now());
    await sync(a);
    for (const name of [...dav.files.keys()]) if (name.startsWith('n-')) dav.files.delete(name);
    await sync(a);
    expect(await texts(a)).toEqual(['A1']);
    await sync(b);
    expect(await texts(b)).toEqual(['A1']);
  });

  it('keeps the server free of plain text, and under the lock reads and writes the journal encrypted', async () => {
    await become(a);
    await turnOnLock(clock);
    await addNote({ ...SAMPLE_NOTE, answer: 'SECRETWORDQ7' }, now());
    await putCustomPrompt({ id: 'own-1', text: 'PROMPTWORDZ4', createdAt: clock, updatedAt: clock });
    await sync(a);
    for (const [name, file] of dav.files) {
      const text = new TextDecoder('latin1').decode(file.body);
      expect(text, name).not.toContain('SECRETWORDQ7');
      expect(text, name).not.toContain('PROMPTWORDZ4');
    }
    await sync(b);
    expect(await texts(b)).toEqual(['SECRETWORDQ7']);
  });

  it("does not store the server's version over a note changed here after the merge read it", async () => {
    await become(a);
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'Mine' }, now());
    const later = await updateNoteAnswer(note, 'Changed meanwhile', now(), note.updatedAt);
    const skipped = await applyFromServer({
      notes: {
        put: [{ ...note, answer: 'From the server', updatedAt: clock + 99 }],
        remove: [],
        seen: new Map([[note.id, note.updatedAt]]),
      },
    });
    expect([...skipped]).toEqual([note.id]);
    expect((await getNotes([note.id]))[0]).toEqual(later);
  });
});
