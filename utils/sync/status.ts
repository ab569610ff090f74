/**
 * What the last sync run did (storage.local `syncStatus`), which every page shows and follows
 * through storage.onChanged: its own small module, so the popup's notice of a failure loads
 * nothing of the keys.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const SYNC_STATUS_KEY = 'syncStatus';

/** A failure of the last run, in a kind a page can say in words. */
export type SyncFailure =
  | 'auth'
  | 'forbidden'
  | 'unreachable'
  | 'folder-missing'
  | 'no-space'
  | 'timeout'
  | 'server'
  | 'bad-answer'
  | 'other-key'
  | 'no-secrets'
  | 'storage';

const FAILURES: readonly SyncFailure[] = [
  'auth',
  'forbidden',
  'unreachable',
  'folder-missing',
  'no-space',
  'timeout',
  'server',
  'bad-answer',
  'other-key',
  'no-secrets',
  'storage',
];

const StatusSchema = v.object({
  /** When the last run that reached its end ended. */
  lastSync: v.optional(v.number()),
  came: v.optional(v.number(), 0),
  went: v.optional(v.number(), 0),
  conflicts: v.optional(v.number(), 0),
  /** The last run's failure, if it failed, and when. */
  failure: v.optional(v.object({ kind: v.picklist(FAILURES), at: v.number() })),
  /** Files on the server set aside (not applied): their name and why. */
  setAside: v.optional(v.array(v.object({ file: v.string(), problem: v.string() })), []),
  /** The failure the popup has told of already (its `at`), so it tells once. */
  toldAt: v.optional(v.number()),
  /** While a run is under way, since when (a run a killed worker left is cleared by the next worker: entrypoints/background/sync.ts). */
  runningSince: v.optional(v.number()),
});
export type SyncStatus = v.InferOutput<typeof StatusSchema>;

export async function readSyncStatus(): Promise<SyncStatus> {
  const stored: unknown = (await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY];
  const parsed = v.safeParse(StatusSchema, stored ?? {});
  return parsed.success ? parsed.output : v.parse(StatusSchema, {});
}

export async function writeSyncStatus(change: Partial<SyncStatus>): Promise<void> {
  const current = await readSyncStatus();
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: { ...current, ...change } });
}
