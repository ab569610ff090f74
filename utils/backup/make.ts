/**
 * Making a backup file from what is stored, and its text: the plain file (utils/backup/backup.ts
 * checks and applies it) and, while a lock is stored, the locked file (utils/backup/locked.ts opens
 * it). Apart from checking and opening, so the background, which makes automatic backups, carries
 * this and not the import's words and rules.
 */
import { readSnapshot, readStoredRows, type SkippedRows } from '@/utils/db/snapshot';
import { importPublicKey, sealText } from '@/utils/lock/crypto';
import { readLock, requireKeys } from '@/utils/lock/keys';
import { BACKUP_FORMAT, BACKUP_ROWS, BACKUP_VERSION, LOCKED_BACKUP_VERSION, type Backup, type LockedBackup } from '@/utils/model/backup';
import { loadSettings } from '@/utils/storage/settings';

/** A backup made just now, and how many stored rows of each kind could not be read and were left out. */
export interface CreatedBackup {
  readonly backup: Backup;
  readonly skipped: SkippedRows;
}

/**
 * Everything stored right now, as a backup made at `now`. Each row is held to the file's own
 * rules, so the file always imports again: a damaged row is left out and counted. With the lock
 * on, this readable file needs the journal unlocked (JournalLockedError), even before anything is
 * encrypted; the locked file does not (utils/backup/locked.ts).
 */
export async function createBackup(now: number): Promise<CreatedBackup> {
  const lock = await readLock();
  if (lock) await requireKeys(lock);
  const [snapshot, settings] = await Promise.all([readSnapshot(BACKUP_ROWS), loadSettings()]);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    settings,
    notes: snapshot.notes,
    events: snapshot.events,
    prompts: snapshot.prompts,
    promptPrefs: snapshot.promptPrefs,
  };
  return { backup, skipped: snapshot.skipped };
}

/** The file's text. Indented, so a person can open it and see their notes. */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** What the sealed box is bound to (AES-GCM additional data), so no record's ciphertext passes for a backup; exported for the tests. */
export const LOCKED_BACKUP_CONTEXT = 'adempauze backup';

/**
 * Everything stored right now, sealed as a locked backup made at `now`; undefined when the lock is
 * off (then the backup is the plain file, createBackup). Works while the journal is locked.
 */
export async function createLockedBackup(now: number): Promise<LockedBackup | undefined> {
  return (await sealJournal(now))?.backup;
}

/**
 * As createLockedBackup, with how many notes it holds (stored rows, readable or not): what an
 * automatic backup reports. Needs no passphrase, so the background makes it too.
 */
export async function sealJournal(now: number): Promise<{ readonly backup: LockedBackup; readonly notes: number } | undefined> {
  const lock = await readLock();
  if (!lock) return undefined;
  const [rows, settings, publicKey] = await Promise.all([readStoredRows(), loadSettings(), importPublicKey(lock.keys.publicKey)]);
  const content = {
    exportedAt: now,
    settings,
    notes: rows.notes,
    events: rows.events,
    prompts: rows.prompts,
    promptPrefs: rows.promptPrefs,
  };
  const backup: LockedBackup = {
    format: BACKUP_FORMAT,
    version: LOCKED_BACKUP_VERSION,
    lock: lock.keys,
    sealed: await sealText(publicKey, JSON.stringify(content), LOCKED_BACKUP_CONTEXT),
  };
  return { backup, notes: rows.notes.length };
}

/** The locked file's text; the ciphertext is one long line, the rest indented like the plain file. */
export function serializeLockedBackup(backup: LockedBackup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
