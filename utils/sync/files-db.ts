/**
 * What this browser last agreed with the server, per file: the file's entity tag and version, and
 * each record's version (a deletion's as a negative number), so the next run reads only files
 * that changed there and knows which side changed what (utils/sync/merge.ts). Ids and times only,
 * never a text: its own small database, which the journal's lock has nothing to hide in.
 */
import type { DBSchema } from 'idb';
import { cachedDatabase } from '@/utils/db/cached';
import type { Base } from './merge';

const NAME = 'adempauze-sync';

export interface FileState {
  readonly file: string;
  readonly etag: string;
  readonly version: number;
  /** id → updatedAt, negative for a deletion. */
  readonly bases: Record<string, number>;
  /** A version of the file on the server that was set aside (not applied): its tag and why, so it is reported, not read again, until it changes. */
  readonly aside?: { readonly etag: string; readonly problem: string };
}

interface SyncSchema extends DBSchema {
  files: { key: string; value: FileState };
  meta: { key: string; value: number | string };
}

const database = cachedDatabase<SyncSchema>(NAME, 1, (db) => {
  db.createObjectStore('files', { keyPath: 'file' });
  db.createObjectStore('meta');
});
const open = database.open;

/** Closes the cached connection (the tests switch between browsers). */
export const closeSyncState = database.close;

export async function readFileStates(): Promise<Map<string, FileState>> {
  const states = await (await open()).getAll('files');
  return new Map(states.map((state) => [state.file, state]));
}

export async function writeFileState(state: FileState): Promise<void> {
  await (await open()).put('files', state);
}

export function basesOf(state: FileState | undefined): Map<string, Base> {
  const bases = new Map<string, Base>();
  for (const [id, at] of Object.entries(state?.bases ?? {})) bases.set(id, at < 0 ? { updatedAt: -at, deleted: true } : { updatedAt: at });
  return bases;
}

export function basesRecord(bases: ReadonlyMap<string, Base>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [id, base] of bases) record[id] = base.deleted ? -base.updatedAt : base.updatedAt;
  return record;
}

/** What is kept between runs: from when changed notes are looked for, when all were last compared, keys.json's tag. */
type MetaKey = 'since' | 'fullScanAt' | 'keysEtag';

export async function readMeta(key: MetaKey): Promise<number | string | undefined> {
  return (await open()).get('meta', key);
}

export async function writeMeta(key: MetaKey, value: number | string): Promise<void> {
  await (await open()).put('meta', value, key);
}

/** Forgets everything agreed (disconnecting, or joining another server's journal). */
export async function clearFileStates(): Promise<void> {
  const tx = (await open()).transaction(['files', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('files').clear(), tx.objectStore('meta').clear(), tx.done]);
}
