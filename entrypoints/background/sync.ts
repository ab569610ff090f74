/**
 * When sync runs (utils/sync/engine.ts does the work): soon after a save (utils/sync/soon.ts), every
 * 15 minutes, when the browser starts, when the journal is unlocked, and on "Sync now". One run at
 * a time in the whole browser (a Web Lock), and what it did, or why it failed, kept in words a page
 * can show (utils/sync/store.ts). With the lock on and the journal locked nothing runs: neither
 * the password nor the key can be read, and nothing is ever sent that is not encrypted.
 */
import { browser } from 'wxt/browser';
import { StorageUnavailableError } from '@/utils/errors';
import { importDataKey } from '@/utils/lock/crypto';
import { journalKeys, readLock } from '@/utils/lock/keys';
import { SESSION_KEY } from '@/utils/lock/names';
import { logFailure } from '@/utils/log';
import { runSync, SyncStopError } from '@/utils/sync/engine';
import { readMeta, writeMeta } from '@/utils/sync/files-db';
import { SYNC_SOON_ALARM } from '@/utils/sync/soon';
import { readSyncConfig, readSyncSecrets, SYNC_KEY } from '@/utils/sync/store';
import { readSyncStatus, writeSyncStatus, type SyncFailure } from '@/utils/sync/status';
import { DavError, davClient } from '@/utils/sync/webdav';

export { SYNC_SOON_ALARM } from '@/utils/sync/soon';
/** The alarm that syncs every 15 minutes while sync is set up. */
export const SYNC_ALARM = 'sync';
const EVERY_MINUTES = 15;
/** How often every note is compared, not only those changed since the last run (a clock that jumped back). */
const FULL_SCAN_MS = 24 * 60 * 60_000;

/** The failure a run ended with, in the kinds a page words (utils/i18n/sync.*.ts). */
function failureOf(error: unknown): SyncFailure {
  if (error instanceof DavError) {
    if (error.failure === 'not-found') return 'folder-missing';
    if (error.failure === 'conflict') return 'server';
    return error.failure;
  }
  if (error instanceof SyncStopError) return error.kind === 'busy' ? 'server' : error.kind;
  if (error instanceof StorageUnavailableError || (error instanceof DOMException && error.name === 'QuotaExceededError')) return 'storage';
  return 'server';
}

async function runOnce(): Promise<void> {
  const config = await readSyncConfig();
  if (!config) return;
  const lock = await readLock();
  const keys = lock ? await journalKeys(lock) : 'off';
  // Locked: it runs again when the journal is unlocked (onUnlocked).
  if (!keys) return;
  const started = Date.now();
  const secrets = await readSyncSecrets(keys === 'off' ? undefined : keys);
  if (!secrets) {
    await writeSyncStatus({ failure: { kind: 'no-secrets', at: started }, runningSince: undefined });
    return;
  }
  await writeSyncStatus({ runningSince: started });
  try {
    const scannedAt = await readMeta('fullScanAt');
    const fullScan = typeof scannedAt !== 'number' || started - scannedAt > FULL_SCAN_MS;
    const report = await runSync({
      dav: davClient({ folder: config.folder, user: config.user, password: secrets.password }),
      key: await importDataKey(secrets.key),
      keyId: config.keyId,
      keys,
      now: Date.now,
      fullScan,
    });
    if (fullScan) await writeMeta('fullScanAt', started);
    await writeSyncStatus({
      lastSync: Date.now(),
      came: report.came,
      went: report.went,
      conflicts: report.conflicts,
      setAside: report.setAside,
      failure: undefined,
      runningSince: undefined,
    });
  } catch (error) {
    logFailure('sync failed')(error);
    await writeSyncStatus({ failure: { kind: failureOf(error), at: Date.now() }, runningSince: undefined });
  }
}

/** A run a killed worker left marked as under way is over: no run outlives its worker (its Web Lock goes with it). */
async function forgetStaleRun(): Promise<void> {
  if ((await readSyncStatus()).runningSince !== undefined) await writeSyncStatus({ runningSince: undefined });
}
let started: Promise<void> | undefined;

/**
 * Runs a sync, one at a time in the browser. `waitForRunning`: "Sync now" waits for a run under way
 * and then runs; an alarm finding one under way leaves it to that one.
 */
export async function syncNow(waitForRunning = false): Promise<void> {
  await (started ??= forgetStaleRun().catch(logFailure('sync state not read')));
  const locks = globalThis.navigator?.locks;
  if (!locks) return runOnce();
  await locks.request('adempauze-sync', { ifAvailable: !waitForRunning }, async (held) => {
    if (held) await runOnce();
  });
}

/** The 15-minute alarm, there exactly while sync is set up. */
export async function ensureSyncAlarm(): Promise<void> {
  if (!(await readSyncConfig())) {
    await Promise.all([browser.alarms.clear(SYNC_ALARM), browser.alarms.clear(SYNC_SOON_ALARM)]);
    return;
  }
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: EVERY_MINUTES, delayInMinutes: EVERY_MINUTES });
}

/** Whether a storage change set sync up or took it away (the alarm follows), or unlocked the journal (a sync follows). */
export function onSyncStorageChanged(changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string): void {
  if (area === 'local' && SYNC_KEY in changes) void ensureSyncAlarm().catch(logFailure('sync alarm not set'));
  const unlocked = area === 'session' && changes[SESSION_KEY]?.newValue !== undefined && changes[SESSION_KEY]?.oldValue === undefined;
  if (unlocked) void syncNow().catch(logFailure('sync after unlock failed'));
}
