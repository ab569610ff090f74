/**
 * How the Backup section and the print view reach the data: the file to export (locked while the
 * lock is on), the readable copy, the import, and when the last backup was made (following exports
 * made in any tab).
 */
import {
  applyBackup,
  backupFileName,
  checkBackupFile,
  loadLastBackupAt,
  rememberBackup,
  type BackupCheck,
  type ImportSummary,
} from '@/utils/backup/backup';
import { openLockedBackup, type OpenedBackup } from '@/utils/backup/locked';
import { createBackup, createLockedBackup, serializeBackup, serializeLockedBackup } from '@/utils/backup/make';
import { loadAllNotes, notesFileName, notesToMarkdown } from '@/utils/backup/readable';
import type { JournalMessages, LeftOut } from '@/utils/i18n/journal';
import type { Locale } from '@/utils/i18n/locale';
import type { LockFileMessages } from '@/utils/i18n/lock-file';
import { LOCK_KEY, readLock } from '@/utils/lock/keys';
import type { Secret } from '@/utils/lock/secrets';
import type { LockedBackup } from '@/utils/model/backup';
import type { Note } from '@/utils/model/records';
import { dataSignal, storageSignal, useLoadable, type Loadable } from './loadable';

/** A file ready to be saved, and what could not be read and was left out of it. */
export interface ExportFile {
  readonly fileName: string;
  readonly text: string;
  readonly leftOut: LeftOut;
  /** A locked backup: only the passphrase or recovery key opens it. */
  readonly encrypted: boolean;
}

export interface BackupHandle {
  /** When the last JSON backup was made on this device; undefined if never. */
  readonly lastBackupAt: Loadable<number | undefined>;
  /** Whether the lock is on, so the JSON export is encrypted unless the person chooses otherwise. */
  readonly lockOn: Loadable<boolean>;
  /** The JSON backup of everything, locked while the lock is on (that works while locked too); remembered as the last backup. */
  readonly exportJson: () => Promise<ExportFile>;
  /** The JSON backup without encryption, also with the lock on: the person chose it; JournalLockedError while locked. */
  /** The plain file while the lock is on: only once `secret` has opened the journal again (checked by the lock itself). */
  readonly exportUnencrypted: (secret: Secret) => Promise<ExportFile>;
  /** Every note as Markdown, to read; JournalLockedError while locked. */
  readonly exportMarkdown: (locale: Locale, t: JournalMessages) => Promise<ExportFile>;
  /** Checks a chosen file whole; nothing is written. A locked backup comes back with `locked`. */
  readonly check: (file: File, t: JournalMessages, words: LockFileMessages) => Promise<BackupCheck>;
  /** Opens a locked backup with the passphrase or recovery key it was made with, and checks what it holds; nothing is written. */
  readonly openLocked: (backup: LockedBackup, secret: Secret, t: JournalMessages) => Promise<OpenedBackup>;
  /** Merges a checked file in one transaction; every open page hears of it. */
  readonly apply: (check: BackupCheck & { ok: true }, onProgress: (done: number, total: number) => void) => Promise<ImportSummary>;
}

/** Whether the lock is on; a damaged lock fails, as it does everywhere. */
const loadLockOn = async (): Promise<boolean> => (await readLock()) !== undefined;

/** The plain JSON file of everything, made at `now`. */
async function plainFile(now: number): Promise<ExportFile> {
  const { backup, skipped } = await createBackup(now);
  return { fileName: backupFileName(now), text: serializeBackup(backup), leftOut: skipped, encrypted: false };
}

export function useBackup(): BackupHandle {
  const [lastBackupAt] = useLoadable(loadLastBackupAt, [storageSignal('local', 'lastBackupAt')]);
  const [lockOn] = useLoadable(loadLockOn, [storageSignal('local', LOCK_KEY)]);
  return {
    lastBackupAt,
    lockOn,
    async exportJson() {
      const now = Date.now();
      // Decided by the lock as stored now, not as last shown: a lock turned on in another tab still encrypts.
      const locked = await createLockedBackup(now);
      const file = locked
        ? { fileName: backupFileName(now), text: serializeLockedBackup(locked), leftOut: {}, encrypted: true }
        : await plainFile(now);
      await rememberBackup(now);
      return file;
    },
    async exportUnencrypted(secret) {
      const now = Date.now();
      // A readable copy cannot be taken back: the lock checks the secret itself, whatever the page asked.
      if (await readLock()) await (await import('@/utils/lock/lock')).confirmSecret(secret, now);
      const file = await plainFile(now);
      await rememberBackup(now);
      return file;
    },
    async exportMarkdown(locale, t) {
      const { notes, skipped } = await loadAllNotes();
      return {
        fileName: notesFileName(Date.now()),
        text: notesToMarkdown(notes, locale, t),
        leftOut: { notes: skipped },
        encrypted: false,
      };
    },
    check: (file, t, words) => checkBackupFile(file, t, words),
    openLocked: (backup, secret, t) => openLockedBackup(backup, secret, t),
    apply: (check, onProgress) => applyBackup(check.backup, onProgress),
  };
}

export interface AllNotes {
  readonly notes: readonly Note[];
  /** Damaged notes that could not be read. */
  readonly skipped: number;
  /** When they were read. */
  readonly readAt: number;
}

/** Every note, for the print view; read again when notes change anywhere. */
export function useAllNotes(): Loadable<AllNotes> {
  return useLoadable(
    async () => ({ ...(await loadAllNotes()), readAt: Date.now() }),
    [dataSignal((change) => change.store === 'notes')],
  )[0];
}
