/**
 * What the popup says about sync, under the prompt and after its first paint: the last run's
 * failure, once (the Sync section keeps saying it until a run works again).
 */
import { readSyncStatus, writeSyncStatus, type SyncFailure } from '@/utils/sync/status';
import { useLoadable, type Loadable } from './loadable';

/** The failure due to be told now, or none; read as the popup opens, and marked told at once. */
async function loadNotice(): Promise<SyncFailure | null> {
  const status = await readSyncStatus();
  if (!status.failure || status.toldAt === status.failure.at) return null;
  await writeSyncStatus({ toldAt: status.failure.at });
  return status.failure.kind;
}

export function useSyncNotice(): Loadable<SyncFailure | null> {
  return useLoadable(loadNotice)[0];
}
