/**
 * What the popup has to say beside the prompt, loaded in one chunk after its first paint: the first
 * run's offer of the lock, then what automatic backups and sync have to say.
 */
import { AutoBackupNotice } from './AutoBackupNotice';
import { LockOffer } from './LockOffer';
import { SyncNotice } from './SyncNotice';

export function Notices() {
  return (
    <>
      <LockOffer />
      <AutoBackupNotice />
      <SyncNotice />
    </>
  );
}
