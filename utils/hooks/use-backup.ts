/**
 * How the Backup section and the print view reach the data: the file to export, the readable
 * copy, the import, and when the last backup was made (following exports made in any tab).
 */
import {
  applyBackup,
  backupFileName,
  checkBackupFile,
  createBackup,
  loadLastBackupAt,
  rememberBackup,
  serializeBackup,
  type BackupCheck,
  type ImportSummary,
} from '@/utils/backup/backup';
import { loadAllNotes, notesFileName, notesToMarkdown } from '@/utils/backup/readable';
import type { JournalMessages, LeftOut } from '@/utils/i18n/journal';
import type { Locale } from '@/utils/i18n/locale';
import type { Note } from '@/utils/model/records';
import { dataSignal, storageSignal, useLoadable, type Loadable } from './loadable';

/** A file ready to be saved, and what could not be read and was left out of it. */
export interface ExportFile {
  readonly fileName: string;
  readonly text: string;
  readonly leftOut: LeftOut;
}

export interface BackupHandle {
  /** When the last JSON backup was made on this device; undefined if never. */
  readonly lastBackupAt: Loadable<number | undefined>;
  /** The JSON backup of everything, remembered as the last backup. */
  readonly exportJson: () => Promise<ExportFile>;
  /** Every note as Markdown, to read. */
  readonly exportMarkdown: (locale: Locale, t: JournalMessages) => Promise<ExportFile>;
  /** Checks a chosen file whole; nothing is written. */
  readonly check: (file: File, t: JournalMessages) => Promise<BackupCheck>;
  /** Merges a checked file in one transaction; every open page hears of it. */
  readonly apply: (check: BackupCheck & { ok: true }, onProgress: (done: number, total: number) => void) => Promise<ImportSummary>;
}

export function useBackup(): BackupHandle {
  const [lastBackupAt] = useLoadable(loadLastBackupAt, [storageSignal('local', 'lastBackupAt')]);
  return {
    lastBackupAt,
    async exportJson() {
      const now = Date.now();
      const { backup, skipped } = await createBackup(now);
      const file = { fileName: backupFileName(now), text: serializeBackup(backup), leftOut: skipped };
      await rememberBackup(now);
      return file;
    },
    async exportMarkdown(locale, t) {
      const { notes, skipped } = await loadAllNotes();
      return { fileName: notesFileName(Date.now()), text: notesToMarkdown(notes, locale, t), leftOut: { notes: skipped } };
    },
    check: (file, t) => checkBackupFile(file, t),
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
