/**
 * Automatic backups' state in storage.local (its shape: utils/model/auto-backup.ts). The Backup
 * section writes the person's choices, the background what it did, the popup that a failure was
 * shown; each writes a change on a fresh read, so none undoes another's field.
 */
import { browser } from 'wxt/browser';
import { logProblem } from '@/utils/log';
import { parseAutoBackup, type AutoBackupState, type ParsedAutoBackup } from '@/utils/model/auto-backup';

/** The storage.local key, also what pages listen for on storage.onChanged. */
export const AUTO_BACKUP_KEY = 'autoBackup';

/** The stored state, with any field that could not be read taken as its default and named (and logged). */
export async function loadAutoBackup(): Promise<ParsedAutoBackup> {
  const parsed = parseAutoBackup((await browser.storage.local.get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]);
  if (parsed.unreadable.length > 0) logProblem(`automatic backup state unreadable, read as defaults: ${parsed.unreadable.join(', ')}`);
  return parsed;
}

/** Applies `change` to the state as stored now and stores the result; returns it. */
export async function updateAutoBackup(change: (state: AutoBackupState) => AutoBackupState): Promise<AutoBackupState> {
  const next = change((await loadAutoBackup()).state);
  await browser.storage.local.set({ [AUTO_BACKUP_KEY]: next });
  return next;
}

/** A new install: automatic backups are suggested at the first run (after the lock's offer). */
export async function suggestAutoBackupsAtFirstRun(): Promise<void> {
  await updateAutoBackup((state) => ({ ...state, suggestion: 'first-run' }));
}

/** The suggestion was answered: after the first run's, the next comes at 20 notes; after that, none. */
export async function endAutoBackupSuggestion(): Promise<void> {
  await updateAutoBackup((state) => ({ ...state, suggestion: state.suggestion === 'first-run' ? 'at-20-notes' : 'done' }));
}

/** The popup showed the last failure: it is not shown there again (the Backup section keeps saying it). */
export async function markAutoBackupFailureShown(): Promise<void> {
  await updateAutoBackup((state) => (state.failure ? { ...state, failure: { ...state.failure, shown: true } } : state));
}
