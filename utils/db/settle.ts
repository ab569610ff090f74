/**
 * Turning the lock on or off: every note and own prompt brought, a batch at a time, to the form the
 * lock asks for (utils/db/cipher.ts), and saves made while locked folded into the normal encryption
 * at unlock; rows bound the earlier way, or under a data key being replaced, re-encrypted under
 * the current one. Every row says itself which form (and key) it is in, so a tab closed or a worker killed half-way
 * loses nothing: the next run passes over the rows already done and carries on.
 */
import type { OpenKeys, Writer } from '@/utils/lock/keys';
import type { NoteRow } from '@/utils/model/records';
import { isSettled, noteToRow, promptToRow, rowToNote, rowToPrompt } from './cipher';
import { openDatabase } from './connection';

/** Rows per transaction: small enough that a page stays responsive and a write never waits long. */
const BATCH = 500;

type Store = 'notes' | 'prompts';

/** The row in the form `writer` writes; undefined when it cannot be (damaged: its ciphertext does not open), so it stays as it is. */
async function convert(store: Store, row: unknown, writer: Writer, keys: OpenKeys): Promise<object | undefined> {
  if (store === 'notes') {
    const note = await rowToNote(row, keys);
    // A suspect note (plain while the lock is on) stays as it is, flagged: encrypting it would make it pass for the owner's.
    return note && !note.unreadable && !note.suspect ? noteToRow(note, writer) : undefined;
  }
  const prompt = await rowToPrompt(row, keys);
  return prompt && promptToRow(prompt, writer);
}

/** Writes converted rows, each only if it is still the row that was converted (not changed or deleted since). */
async function writeBatch(
  store: Store,
  converted: readonly { before: { id: string; updatedAt: number }; after: object }[],
  writer: Writer,
) {
  const tx = (await openDatabase()).transaction(store, 'readwrite');
  await Promise.all([
    ...converted.map(async ({ before, after }) => {
      const now = (await tx.store.get(before.id)) as NoteRow | undefined;
      if (now && now.updatedAt === before.updatedAt && !isSettled(now, writer)) await tx.store.put(after as never);
    }),
    tx.done,
  ]);
}

/**
 * Brings every note and own prompt to the form `writer` writes, reporting rows looked at and the
 * total. Rows changed meanwhile by another page were written in that form already.
 */
export async function settleRecords(writer: Writer, keys: OpenKeys, onProgress?: (done: number, total: number) => void): Promise<void> {
  const db = await openDatabase();
  const total = (await db.count('notes')) + (await db.count('prompts'));
  let done = 0;
  onProgress?.(0, total);
  for (const store of ['notes', 'prompts'] as const) {
    let after: string | undefined;
    for (;;) {
      const rows = (await db.getAll(store, after === undefined ? null : IDBKeyRange.lowerBound(after, true), BATCH)) as NoteRow[];
      const last = rows.at(-1);
      if (!last) break;
      after = last.id;
      const pending = rows.filter((row) => !isSettled(row, writer));
      const converted = await Promise.all(pending.map(async (before) => ({ before, after: await convert(store, before, writer, keys) })));
      const ready = converted.flatMap(({ before, after: row }) => (row ? [{ before, after: row }] : []));
      if (ready.length > 0) await writeBatch(store, ready, writer);
      done += rows.length;
      onProgress?.(Math.min(done, total), total);
    }
  }
}

/** Folds notes saved while the journal was locked into the normal encryption; found through their own index. */
export async function foldSealed(keys: OpenKeys): Promise<number> {
  const db = await openDatabase();
  const rows: NoteRow[] = await db.getAllFromIndex('notes', 'by-sealed');
  const writer: Writer = { kind: 'encrypt', key: keys.dataKey, keyId: keys.keyId };
  const converted = await Promise.all(rows.map(async (before) => ({ before, after: await convert('notes', before, writer, keys) })));
  const ready = converted.flatMap(({ before, after }) => (after ? [{ before, after }] : []));
  if (ready.length > 0) await writeBatch('notes', ready, writer);
  return ready.length;
}
