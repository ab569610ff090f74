/**
 * How one file's records meet this browser's (utils/sync/engine.ts fetches, this decides): a
 * three-way merge against what both sides last agreed on (the base), record by record, pure so
 * every rule can be tested on its own. The rules, from issue 21's promise never to lose a word:
 *
 * - Changed on one side only: that side's version goes to the other.
 * - Changed on both into the same content: nothing to do (a sync cut off after its upload, run again).
 * - Changed on both into different texts: both are kept. The later version keeps the id; the other
 *   becomes a conflict copy beside it, with an id made from the note's and the copy's version, so
 *   the same conflict met twice (a sync run again) makes the same copy, not a second one.
 * - An edit beats a delete, on either side.
 * - A record the server's file lacks is never deleted here: only a tombstone deletes.
 */
import { isTombstone, type SyncRecord, type Tombstone } from './format';

/** What both sides last agreed on for one record: its version, and whether it was a deletion. */
export interface Base {
  readonly updatedAt: number;
  readonly deleted?: true;
}

/** How conflicting versions of one kind of record are kept. */
export type ConflictRule = 'keep-both' | 'newer-wins';

export interface MergeInput {
  /** The server's records; undefined when the file is as last agreed (not downloaded) or absent. */
  readonly remote: ReadonlyMap<string, SyncRecord> | undefined;
  readonly bases: ReadonlyMap<string, Base>;
  /** This browser's live records of the file (every id of `bases` and `remote` that is stored, and every changed one). */
  readonly local: ReadonlyMap<string, Exclude<SyncRecord, Tombstone>>;
  /** Ids stored here that cannot be read (damaged): left exactly as they are on both sides. */
  readonly unknown?: ReadonlySet<string>;
  readonly rule: ConflictRule;
  /** When a deletion made here is stamped. */
  readonly now: number;
}

export interface MergeResult {
  /** The file's content after the merge. */
  readonly records: SyncRecord[];
  /** Whether the server's file must be written (it lacks something this browser has). */
  readonly upload: boolean;
  /** Records to store here, and ids to delete here. */
  readonly put: Exclude<SyncRecord, Tombstone>[];
  readonly remove: string[];
  /** The new agreed state. */
  readonly bases: Map<string, Base>;
  /** Records that came in, went out, and conflicts kept as copies. */
  readonly came: number;
  readonly went: number;
  readonly conflicts: number;
}

type Live = Exclude<SyncRecord, Tombstone>;

/** A record's content, without its version, in a fixed key order: equal content, equal text. */
export function contentOf(record: Live): string {
  const entries = Object.entries(record).filter(([key]) => key !== 'updatedAt');
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

const sameBase = (base: Base | undefined, record: SyncRecord): boolean =>
  base !== undefined && base.updatedAt === record.updatedAt && (base.deleted === true) === isTombstone(record);

/** The id a conflict copy of `id` gets: from the copy's own version, so it is the same wherever and however often it is made. */
export function conflictCopyId(id: string, version: number): string {
  return `${id.slice(0, 80)}-c${version.toString(36)}`;
}

/** Which of two different versions keeps the id: the later; on a tie, the larger content, so every browser decides alike. */
function later(a: Live, b: Live): [winner: Live, loser: Live] {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? [a, b] : [b, a];
  return contentOf(a) > contentOf(b) ? [a, b] : [b, a];
}

function copyOf(loser: Live, id: string): Live {
  const copyId = conflictCopyId(id, loser.updatedAt);
  // Notes say what they are a copy of; an own prompt is simply a second prompt.
  return 'answer' in loser ? { ...loser, id: copyId, conflictOf: id } : { ...loser, id: copyId };
}

export function mergeFile(input: MergeInput): MergeResult {
  const { remote, bases, local, unknown, rule, now } = input;
  const records = new Map<string, SyncRecord>();
  const put: Live[] = [];
  const remove: string[] = [];
  let upload = false;
  let came = 0;
  let went = 0;
  let conflicts = 0;
  const ids = new Set([...(remote?.keys() ?? []), ...bases.keys(), ...local.keys()]);

  for (const id of ids) {
    const base = bases.get(id);
    const theirs = remote?.get(id);
    if (unknown?.has(id)) {
      // Unreadable here: the server keeps what it has, this browser keeps its row.
      if (theirs) records.set(id, theirs);
      continue;
    }
    const mine = local.get(id);
    // As agreed when the file was not read, or when the server's file lacks the record: a file that
    // lost a record deletes nothing here, it gets the record back.
    const remoteChanged = theirs !== undefined && !sameBase(base, theirs);
    if (remote && !theirs && base !== undefined) upload = true;
    const localChanged = mine
      ? base === undefined || base.deleted === true || base.updatedAt !== mine.updatedAt
      : base !== undefined && !base.deleted;
    const tombstone = (updatedAt: number): Tombstone => ({ id, updatedAt, deleted: true });

    if (!remoteChanged) {
      if (localChanged) {
        upload = true;
        went++;
      }
      if (mine) records.set(id, mine);
      else if (base && !base.deleted) records.set(id, tombstone(Math.max(now, base.updatedAt + 1)));
      else if (theirs ?? base) records.set(id, theirs ?? tombstone(base?.updatedAt ?? now));
      continue;
    }
    // The server has something new.
    if (!localChanged) {
      records.set(id, theirs);
      if (!isTombstone(theirs)) put.push(theirs);
      else if (mine) remove.push(id);
      if (!isTombstone(theirs) || mine) came++;
      continue;
    }
    // Changed on both sides.
    if (isTombstone(theirs)) {
      if (mine) {
        // An edit here beats the deletion there.
        records.set(id, mine);
        upload = true;
        went++;
      } else records.set(id, theirs);
      continue;
    }
    if (!mine) {
      // An edit there beats the deletion here.
      records.set(id, theirs);
      put.push(theirs);
      came++;
      continue;
    }
    if (contentOf(mine) === contentOf(theirs)) {
      const [winner] = later(mine, theirs);
      records.set(id, winner);
      if (winner === theirs && theirs.updatedAt !== mine.updatedAt) put.push(theirs);
      else if (winner === mine && theirs.updatedAt !== mine.updatedAt) upload = true;
      continue;
    }
    const [winner, loser] = later(mine, theirs);
    records.set(id, winner);
    upload = true;
    if (winner === theirs) {
      put.push(theirs);
      came++;
    } else went++;
    if (rule === 'keep-both') {
      const copy = copyOf(loser, id);
      records.set(copy.id, copy);
      // The copy of the text that was here is new there, the copy of theirs is new here.
      put.push(copy);
      conflicts++;
    }
  }

  const nextBases = new Map<string, Base>();
  for (const [id, record] of records)
    nextBases.set(id, isTombstone(record) ? { updatedAt: record.updatedAt, deleted: true } : { updatedAt: record.updatedAt });
  return { records: [...records.values()], upload, put, remove, bases: nextBases, came, went, conflicts };
}
