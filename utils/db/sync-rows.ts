/**
 * The journal's records as sync reads and writes them (utils/sync/engine.ts): what changed since a
 * moment, every id stored, records by id, and the server's changes stored here, each write as the
 * lock asks now (encrypted when the lock is on) and announced to every open page.
 */
import { whileWriting, type ReadingKeys } from '@/utils/lock/keys';
import type { CustomPrompt, Note, PromptPreference } from '@/utils/model/records';
import { toPromptPreference } from '@/utils/model/records';
import { announceChange } from './changes';
import { noteToRow, promptToRow, rowsToNotes, rowToPrompt } from './cipher';
import { openDatabase } from './connection';

/** Every note id stored, and the ids of notes changed (by their version) from `since` on: keys only, no row read. */
export async function noteChanges(since: number): Promise<{ ids: string[]; changed: string[] }> {
  const tx = (await openDatabase()).transaction('notes');
  const [ids, changed] = await Promise.all([
    tx.store.getAllKeys(),
    tx.store.index('by-updated').getAllKeys(IDBKeyRange.lowerBound(since)),
    tx.done,
  ]);
  return { ids, changed };
}

/** The notes with these ids that are stored, read with `keys` (an unreadable one is flagged so). */
export async function notesById(ids: readonly string[], keys: ReadingKeys): Promise<Note[]> {
  const tx = (await openDatabase()).transaction('notes');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  return rowsToNotes(
    rows.filter((row) => row !== undefined),
    keys,
  );
}

/** Own prompts, every one; an unreadable one is left out and named in `unknown`. */
export async function allOwnPrompts(keys: ReadingKeys): Promise<{ prompts: CustomPrompt[]; unknown: string[] }> {
  const rows = await (await openDatabase()).getAll('prompts');
  const prompts: CustomPrompt[] = [];
  const unknown: string[] = [];
  for (const row of rows) {
    const prompt = await rowToPrompt(row, keys);
    if (prompt) prompts.push(prompt);
    else unknown.push(row.id);
  }
  return { prompts, unknown };
}

export async function allPromptPreferences(): Promise<PromptPreference[]> {
  const rows = await (await openDatabase()).getAll('promptPrefs');
  return rows.flatMap((row) => toPromptPreference(row) ?? []);
}

/** What one store gets from the server: records to store and ids to delete, each only over the version the merge saw here. */
export interface ServerChanges<T> {
  readonly put: readonly T[];
  readonly remove: readonly string[];
  /** The version each id had here when the merge read it (null: not stored). */
  readonly seen: ReadonlyMap<string, number | null>;
}

/**
 * Stores what came from the server in one transaction: notes and own prompts written as the lock
 * asks (whileWriting), deletions made, and every open page told. A record changed here since the
 * merge read it (a save in a page meanwhile) is left as it is and its id returned: the next sync
 * meets it as changed on both sides, so neither text is lost.
 */
export async function applyFromServer(changes: {
  readonly notes?: ServerChanges<Note>;
  readonly prompts?: ServerChanges<CustomPrompt>;
  readonly prefs?: ServerChanges<PromptPreference>;
}): Promise<Set<string>> {
  const skipped = new Set<string>();
  const saved = { notes: [] as string[], notesDeleted: [] as string[], prompts: 0 };
  await whileWriting(async (writer) => {
    // Encrypted before the transaction opens: an await on WebCrypto would end it.
    const noteRows = await Promise.all((changes.notes?.put ?? []).map((note) => noteToRow(note, writer)));
    const promptRows = await Promise.all((changes.prompts?.put ?? []).map((prompt) => promptToRow(prompt, writer)));
    const tx = (await openDatabase()).transaction(['notes', 'prompts', 'promptPrefs'], 'readwrite');
    const stores = { notes: tx.objectStore('notes'), prompts: tx.objectStore('prompts'), prefs: tx.objectStore('promptPrefs') };
    type Store = (typeof stores)[keyof typeof stores];
    const still = async (store: Store, seen: ReadonlyMap<string, number | null>, id: string): Promise<boolean> => {
      const row = (await store.get(id)) as { updatedAt?: unknown } | undefined;
      const ok = (row === undefined ? null : row.updatedAt) === (seen.get(id) ?? null);
      if (!ok) skipped.add(id);
      return ok;
    };
    const apply = async (
      store: Store,
      part: ServerChanges<unknown> | undefined,
      rows: readonly unknown[],
      idOf: (row: unknown) => string,
    ) => {
      if (!part) return [];
      const done: string[] = [];
      await Promise.all([
        ...rows.map(async (row) => {
          const id = idOf(row);
          if (await still(store, part.seen, id)) {
            await store.put(row as never);
            done.push(id);
          }
        }),
        ...part.remove.map(async (id) => {
          if (await still(store, part.seen, id)) {
            await store.delete(id);
            done.push(id);
          }
        }),
      ]);
      return done;
    };
    const byId = (row: unknown) => (row as { id: string }).id;
    const [notes, prompts, prefs] = await Promise.all([
      apply(stores.notes, changes.notes, noteRows, byId),
      apply(stores.prompts, changes.prompts, promptRows, byId),
      apply(stores.prefs, changes.prefs, changes.prefs?.put ?? [], (row) => (row as PromptPreference).promptId),
      tx.done,
    ]);
    const removed = new Set(changes.notes?.remove ?? []);
    saved.notes = notes.filter((id) => !removed.has(id));
    saved.notesDeleted = notes.filter((id) => removed.has(id));
    saved.prompts = prompts.length + prefs.length;
  });
  if (saved.notes.length > 0 || saved.notesDeleted.length > 0)
    announceChange({ store: 'notes', saved: saved.notes, deleted: saved.notesDeleted });
  if (saved.prompts > 0) announceChange({ store: 'prompts' });
  return skipped;
}
