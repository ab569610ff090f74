/**
 * One sync run: what changed here and on the server is found, merged file by file
 * (utils/sync/merge.ts), written to the server only on the condition that nobody wrote it meanwhile
 * (If-Match / If-None-Match), and stored here. Every step can be cut off and run again:
 *
 * - A file is written to the server before anything it brings is stored here, and what both sides
 *   agree on (utils/sync/files-db.ts) is saved last. Cut off in between, the next run reads the
 *   file it wrote, finds the same content on both sides, and stores it: nothing is lost, nothing
 *   is made twice (a conflict copy's id is made from the conflict itself).
 * - A file the server does not have any more is written again from this browser's records: a
 *   missing file deletes nothing here.
 * - A file that does not open, is under another key, sits in another file's place or is older than
 *   one seen already is set aside and reported; nothing of it is applied, and it is not written over.
 */
import type { ReadingKeys } from '@/utils/lock/keys';
import type { CustomPrompt, Note, PromptPreference } from '@/utils/model/records';
import { allOwnPrompts, allPromptPreferences, applyFromServer, noteChanges, notesById, type ServerChanges } from '@/utils/db/sync-rows';
import {
  decodeFile,
  encodeFile,
  isDataFile,
  isTombstone,
  KEYS_FILE,
  kindOfFile,
  noteFileOf,
  parseKeysFile,
  PREFS_FILE,
  PROMPTS_FILE,
  SyncFileError,
  type SyncRecord,
  type Tombstone,
} from './format';
import { basesOf, basesRecord, readFileStates, readMeta, writeFileState, writeMeta, type FileState } from './files-db';
import { mergeFile, type Base } from './merge';
import type { DavEntry } from './webdav';

/** The part of the WebDAV client a run uses (utils/sync/webdav.ts; the unit tests give a fake). */
export interface DavLike {
  list(path: string): Promise<DavEntry[] | undefined>;
  stat(path: string): Promise<DavEntry | undefined>;
  get(path: string): Promise<{ body: Uint8Array; etag?: string } | undefined>;
  put(
    path: string,
    body: Uint8Array,
    condition: { ifMatch: string } | { ifNoneMatch: '*' },
  ): Promise<{ outcome: 'ok'; etag?: string } | { outcome: 'changed' }>;
}

/** Why a run stopped before its end, apart from the server's own failures (DavError). */
export class SyncStopError extends Error {
  constructor(readonly kind: 'folder-missing' | 'other-key' | 'busy') {
    super(kind);
    this.name = 'SyncStopError';
  }
}

export interface SyncRun {
  readonly dav: DavLike;
  readonly key: CryptoKey;
  readonly keyId: string;
  /** How the journal's records are read here (the lock's keys, or 'off'). */
  readonly keys: ReadingKeys;
  readonly now: () => number;
  /** Compare every note, not only those changed since the last run (the first run, and once a day). */
  readonly fullScan?: boolean;
  /** Only count what would happen: nothing is written anywhere (the first sync's preview). */
  readonly dryRun?: boolean;
}

export interface SyncReport {
  /** Notes and prompts that came in, went out, and conflicts kept as copies. */
  came: number;
  went: number;
  conflicts: number;
  /** Notes on the server (the preview shows how many a journal from elsewhere has). */
  remoteNotes: number;
  setAside: { file: string; problem: string }[];
}

/** How far back changed notes are looked for before the last run's start: room for a clock that moved a little. */
const MARGIN = 10 * 60_000;
/** Files read and written at the same time: enough to fill the line, few enough for a small server. */
const PARALLEL = 4;
/** How often one file is tried again when another browser wrote it between our reading and writing. */
const ATTEMPTS = 5;

type Live = Exclude<SyncRecord, Tombstone>;

/** The records of one file that are stored here, read for a merge; unreadable ones are named apart. */
interface LocalSide {
  readonly local: Map<string, Live>;
  readonly unknown: Set<string>;
}

const asPref = (pref: PromptPreference): Live => ({ ...pref, id: pref.promptId });

export async function runSync(run: SyncRun): Promise<SyncReport> {
  const { dav, keyId, now } = run;
  const started = now();
  const listing = await dav.list('');
  if (!listing) throw new SyncStopError('folder-missing');
  const entries = new Map(listing.filter((entry) => !entry.folder).map((entry) => [entry.name, entry]));
  await checkKeys(dav, entries.get(KEYS_FILE), keyId, run.dryRun === true);

  const states = await readFileStates();
  const since = run.fullScan ? undefined : await readMeta('since');
  const { ids, changed } = await noteChanges(typeof since === 'number' ? since - MARGIN : 0);

  // Which note files have something new here: a note changed since the last run, one new, one deleted.
  const baseFile = new Map<string, string>();
  for (const state of states.values()) for (const id of Object.keys(state.bases)) baseFile.set(id, state.file);
  const dirty = new Set(changed.map(noteFileOf));
  const stored = new Set(ids);
  for (const id of ids) if (!baseFile.has(id)) dirty.add(noteFileOf(id));
  for (const [id, file] of baseFile)
    if (!stored.has(id) && kindOfFile(file) === 'notes' && (states.get(file)?.bases[id] ?? 0) > 0) dirty.add(file);
  // Own prompts and hidden prompts are few: always compared whole.
  dirty.add(PROMPTS_FILE);
  dirty.add(PREFS_FILE);

  const files = new Set<string>(dirty);
  for (const [name, entry] of entries) if (isDataFile(name) && entry.etag !== states.get(name)?.etag) files.add(name);
  // A file agreed on that the server lost is written again from here.
  for (const name of states.keys()) if (!entries.has(name)) files.add(name);

  const report: SyncReport = { came: 0, went: 0, conflicts: 0, remoteNotes: 0, setAside: [] };
  const queue = [...files].sort();
  const idsByFile = new Map<string, string[]>();
  for (const id of ids) {
    const file = noteFileOf(id);
    if (dirty.has(file)) idsByFile.set(file, [...(idsByFile.get(file) ?? []), id]);
  }
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      await syncFile(run, file, entries.get(file), states.get(file), idsByFile.get(file) ?? [], report);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  // Notes from the files not read this time are the ones agreed on before.
  for (const [name, state] of states) if (kindOfFile(name) === 'notes' && !files.has(name)) report.remoteNotes += liveCount(state);
  if (!run.dryRun) await writeMeta('since', started);
  return report;
}

/** The records a file held, as last agreed, that are not deletions. */
const liveCount = (state: FileState | undefined): number => Object.values(state?.bases ?? {}).filter((at) => at > 0).length;

/** keys.json must still name our key: another browser that started sync afresh made a new one. */
async function checkKeys(dav: DavLike, entry: DavEntry | undefined, keyId: string, dryRun: boolean): Promise<void> {
  if (!entry) throw new SyncStopError('other-key');
  if (entry.etag !== '' && entry.etag === (await readMeta('keysEtag'))) return;
  const got = await dav.get(KEYS_FILE);
  const file = got && parseKeysFile(got.body);
  if (file?.keyId !== keyId) throw new SyncStopError('other-key');
  if (!dryRun && entry.etag !== '') await writeMeta('keysEtag', entry.etag);
}

/** This browser's side of a file: the records the merge must see, read with the journal's keys. */
async function localSide(file: string, ids: readonly string[], keys: ReadingKeys): Promise<LocalSide> {
  const local = new Map<string, Live>();
  const unknown = new Set<string>();
  const kind = kindOfFile(file);
  if (kind === 'notes') {
    for (const note of await notesById(ids, keys)) {
      // A note whose text does not open here, or that the lock does not trust, is no one's to send.
      if (note.unreadable || note.suspect) unknown.add(note.id);
      else local.set(note.id, note);
    }
  } else if (kind === 'prompts') {
    const { prompts, unknown: unreadable } = await allOwnPrompts(keys);
    for (const prompt of prompts) local.set(prompt.id, prompt);
    for (const id of unreadable) unknown.add(id);
  } else for (const pref of await allPromptPreferences()) local.set(pref.promptId, asPref(pref));
  return { local, unknown };
}

async function syncFile(
  run: SyncRun,
  file: string,
  first: DavEntry | undefined,
  state: FileState | undefined,
  storedIds: readonly string[],
  report: SyncReport,
): Promise<void> {
  const { dav, key, keyId, keys, now } = run;
  let entry = first;
  for (let attempt = 1; ; attempt++) {
    let remote: Map<string, SyncRecord> | undefined;
    let remoteVersion = 0;
    if (entry && entry.etag !== state?.etag) {
      const aside = state?.aside;
      if (aside && aside.etag === entry.etag) {
        report.setAside.push({ file, problem: aside.problem });
        return;
      }
      const got = await dav.get(file);
      if (got) {
        try {
          const decoded = await decodeFile(key, keyId, file, got.body);
          if (state && decoded.version < state.version) throw new SyncFileError('rolled-back', file);
          remote = new Map(decoded.records.map((record) => [record.id, record]));
          remoteVersion = decoded.version;
        } catch (error) {
          if (!(error instanceof SyncFileError)) throw error;
          report.setAside.push({ file, problem: error.problem });
          if (!run.dryRun)
            await writeFileState({
              ...(state ?? { file, etag: '', version: 0, bases: {} }),
              aside: { etag: entry.etag, problem: error.problem },
            });
          return;
        }
      } else entry = undefined;
    }
    const bases = basesOf(state);
    const kind = kindOfFile(file);
    const wanted = new Set([...bases.keys(), ...(remote?.keys() ?? []), ...storedIds]);
    const side = await localSide(file, [...wanted], keys);
    const result = mergeFile({
      remote,
      bases,
      local: side.local,
      unknown: side.unknown,
      rule: kind === 'prefs' ? 'newer-wins' : 'keep-both',
      now: now(),
    });
    if (kind === 'notes')
      report.remoteNotes += remote ? [...remote.values()].filter((record) => !isTombstone(record)).length : liveCount(state);
    if (run.dryRun) {
      report.came += result.came;
      report.went += result.went;
      report.conflicts += result.conflicts;
      return;
    }
    let etag = entry?.etag ?? '';
    let version = Math.max(remoteVersion, state?.version ?? 0);
    if (result.upload || (!entry && result.records.length > 0)) {
      version += 1;
      const body = await encodeFile(key, keyId, file, version, result.records);
      const written = await dav.put(file, body, entry ? { ifMatch: entry.etag } : { ifNoneMatch: '*' });
      if (written.outcome === 'changed') {
        if (attempt >= ATTEMPTS) throw new SyncStopError('busy');
        // Another browser wrote it first: read what it wrote, and merge again.
        entry = await dav.stat(file);
        continue;
      }
      // The server's tag as PROPFIND gives it (a PUT's may be weak, or missing).
      etag = (await dav.stat(file))?.etag ?? written.etag ?? '';
    }
    const skipped = await applyFromServer(localWrites(kind, result.put, result.remove, side.local));
    const agreed = new Map<string, Base>(result.bases);
    // A record changed here while this file was merged keeps its old agreement: the next run sees both changes.
    for (const id of skipped) {
      const before = bases.get(id);
      if (before) agreed.set(id, before);
      else agreed.delete(id);
    }
    await writeFileState({ file, etag, version, bases: basesRecord(agreed) });
    report.came += result.came;
    report.went += result.went;
    report.conflicts += result.conflicts;
    return;
  }
}

/** What a merge stores here, per kind, with the version each record had when it was read. */
function localWrites(
  kind: ReturnType<typeof kindOfFile>,
  put: readonly Live[],
  remove: readonly string[],
  local: ReadonlyMap<string, Live>,
) {
  const seen = new Map<string, number | null>();
  for (const id of [...put.map((record) => record.id), ...remove]) seen.set(id, local.get(id)?.updatedAt ?? null);
  if (kind === 'notes') return { notes: { put: put as Note[], remove, seen } satisfies ServerChanges<Note> };
  if (kind === 'prompts') return { prompts: { put: put as CustomPrompt[], remove, seen } satisfies ServerChanges<CustomPrompt> };
  const prefs = (put as (PromptPreference & { id: string })[]).map(({ promptId, hidden, updatedAt }) => ({ promptId, hidden, updatedAt }));
  return { prefs: { put: prefs, remove, seen } satisfies ServerChanges<PromptPreference> };
}
