/**
 * How the Backup section reaches automatic backups: what they did and will do (following the
 * background as it writes) and the person's choices. Turning them on asks for the permission first, in the click itself.
 */
import { releaseAutoBackupPermissions, requestAutoBackupPermissions } from '@/utils/backup/permissions';
import { browser } from 'wxt/browser';
import type { Message } from '@/utils/messages';
import type { AutoBackupFrequency, ParsedAutoBackup } from '@/utils/model/auto-backup';
import { AUTO_BACKUP_KEY, loadAutoBackup, updateAutoBackup } from '@/utils/storage/auto-backup';
import { storageSignal, useLoadable, type Loadable } from './loadable';

export interface AutoBackupHandle {
  readonly state: Loadable<ParsedAutoBackup>;
  /**
   * Asks for the permission and, granted, turns automatic backups on; false when the browser did not
   * allow it. Call it first thing in a click: the browser asks only in answer to the person.
   */
  readonly turnOn: () => Promise<boolean>;
  /** Turns them off and gives the permission back; the files already written stay. */
  readonly turnOff: () => Promise<void>;
  readonly setFrequency: (frequency: AutoBackupFrequency) => Promise<void>;
  /** One backup now, whatever the schedule. */
  readonly backUpNow: () => Promise<void>;
}

export function useAutoBackup(): AutoBackupHandle {
  const [state] = useLoadable(loadAutoBackup, [storageSignal('local', AUTO_BACKUP_KEY)]);
  return {
    state,
    async turnOn() {
      if (!(await requestAutoBackupPermissions())) return false;
      // On from now; the background hears of it (storage.onChanged) and plans the first backup at once.
      await updateAutoBackup((current) => ({ ...current, enabled: true, suggestion: 'done' }));
      return true;
    },
    async turnOff() {
      await updateAutoBackup((current) => ({ ...current, enabled: false, failure: null }));
      await releaseAutoBackupPermissions();
    },
    async setFrequency(frequency) {
      await updateAutoBackup((current) => ({ ...current, frequency }));
    },
    async backUpNow() {
      // Sent here rather than through sendToBackground: importing utils/messages.ts into the journal
      // would make it a chunk of its own, one more file before the popup's first paint.
      await browser.runtime.sendMessage({ type: 'back-up-now' } satisfies Message);
    },
  };
}
