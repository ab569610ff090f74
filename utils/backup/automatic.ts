/**
 * The rules of automatic backups, pure (no browser, no storage, no clock of their own): when one
 * is due, what its file is called, which of its own files go when there are more than eight, what
 * a download's error means, and whether this is a moment to write one. The background applies
 * them (entrypoints/background/auto-backup.ts); tests/unit/auto-backup.test.ts holds them to tables.
 */
import type { AutoBackupFailureReason, AutoBackupFile, AutoBackupFrequency, AutoBackupState } from '@/utils/model/auto-backup';
import { DAY, HOUR, MINUTE, localDate } from '@/utils/time';

/** How many automatic backups are kept; older ones the extension wrote are removed. */
export const AUTO_BACKUP_KEEP = 8;
/** The folder inside the Downloads folder. */
export const AUTO_BACKUP_FOLDER = 'Adempauze';
/** The alarm that wakes the background when the next backup is due (or to look again). */
export const BACKUP_ALARM = 'backup';

const INTERVALS: Readonly<Record<AutoBackupFrequency, number>> = { weekly: 7 * DAY, daily: DAY };
/** A failed backup is tried again after this long; sooner would fill a full disk's log with the same failure. */
export const RETRY_AFTER_FAILURE = 6 * HOUR;
/** A run begun this long ago and not finished died with its worker or its writer: it is made again. */
export const RUN_ABANDONED_AFTER = 10 * MINUTE;
/** Waiting behind an offer or an answer being written: look again after this long. */
export const BACKUP_RECHECK = 5 * MINUTE;
/** A backup due while the browser was closed, or just turned on, comes this long after, when things have settled. */
export const AFTER_START = MINUTE;

/** `Adempauze/adempauze-2026-12-06.json`, by the local date: the path inside the Downloads folder. */
export function autoBackupFileName(now: number): string {
  return `${AUTO_BACKUP_FOLDER}/adempauze-${localDate(now)}.json`;
}

/** The newest finished automatic backup, if any. */
export function lastAutoBackup(files: readonly AutoBackupFile[]): AutoBackupFile | undefined {
  return files.reduce<AutoBackupFile | undefined>((newest, file) => (!newest || file.at > newest.at ? file : newest), undefined);
}

/**
 * When the next automatic backup is due: at once when none was made yet, else one interval after
 * the last; after a failure, not before the retry time. Null while automatic backups are off.
 */
export function nextAutoBackupAt(state: Pick<AutoBackupState, 'enabled' | 'frequency' | 'files' | 'failure'>): number | null {
  if (!state.enabled) return null;
  const last = lastAutoBackup(state.files);
  const regular = last ? last.at + INTERVALS[state.frequency] : 0;
  const retry = state.failure ? state.failure.at + RETRY_AFTER_FAILURE : 0;
  return Math.max(regular, retry);
}

/**
 * Whether a run is under way now, seen from the background instance `worker`: begun not so long
 * ago that it must have died, and either handed to the browser as a download (which ends on its
 * own) or still being written by this very instance. A run an ended worker was writing is over.
 */
export function isRunning(running: AutoBackupState['running'], now: number, worker: string): boolean {
  if (running === null || running.startedAt > now || now - running.startedAt >= RUN_ABANDONED_AFTER) return false;
  return running.downloadId !== null || running.worker === worker;
}

/** Whether an automatic backup should be written now (the moment aside: see isBackupMoment). */
export function isAutoBackupDue(state: AutoBackupState, now: number, worker: string): boolean {
  const next = nextAutoBackupAt(state);
  return next !== null && next <= now && !isRunning(state.running, now, worker);
}

/**
 * Whether this is a moment to write a backup: never in the middle of a pause offer, never while the
 * person may be typing an answer (the popup or the pause window is open; the download's own bubble
 * would land on what they write).
 */
export function isBackupMoment(signals: { readonly offerOpen: boolean; readonly answering: boolean }): boolean {
  return !signals.offerOpen && !signals.answering;
}

/**
 * The files to remove once `files` holds more than eight: the oldest of the extension's own, never
 * anything else (these are exactly the downloads it made and the browser finished).
 */
export function filesToRemove(files: readonly AutoBackupFile[]): AutoBackupFile[] {
  const newestFirst = [...files].sort((a, b) => b.at - a.at);
  return newestFirst.slice(AUTO_BACKUP_KEEP);
}

/**
 * What an interrupted download's reason (downloads.InterruptReason, the same names in Chromium and
 * Firefox) means for the person.
 */
export function failureOfDownload(error: string | undefined): AutoBackupFailureReason {
  switch (error) {
    case 'FILE_NO_SPACE':
    case 'FILE_TOO_LARGE':
      return 'disk-full';
    case 'FILE_BLOCKED':
    case 'FILE_VIRUS_INFECTED':
    case 'FILE_SECURITY_CHECK_FAILED':
      return 'blocked';
    case 'FILE_ACCESS_DENIED':
    case 'FILE_NAME_TOO_LONG':
      return 'access-denied';
    case 'USER_CANCELED':
    case 'USER_SHUTDOWN':
      return 'canceled';
    default:
      return 'failed';
  }
}
