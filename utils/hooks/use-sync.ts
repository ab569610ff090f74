/**
 * How the Sync section reaches sync: its setting up and what the background's last run did,
 * followed as the background writes them (storage.onChanged), and "Sync now" / "Disconnect".
 */
import { browser } from 'wxt/browser';
import type { Message } from '@/utils/messages';
import { serverPermission } from '@/utils/sync/connect';
import { clearFileStates } from '@/utils/sync/files-db';
import { forgetSync, readSyncConfig, SYNC_KEY, type SyncConfig } from '@/utils/sync/store';
import { readSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/utils/sync/status';
import { storageSignal, useLoadable, type Loadable } from './loadable';

export interface SyncView {
  readonly config: SyncConfig | undefined;
  readonly status: SyncStatus;
}

async function loadSync(): Promise<SyncView> {
  const [config, status] = await Promise.all([readSyncConfig(), readSyncStatus()]);
  return { config, status };
}

export interface SyncHandle {
  readonly state: Loadable<SyncView>;
  /** Asks the background for a sync at once; resolves when it has ended. */
  readonly syncNow: () => Promise<void>;
  /** Forgets the server here, and gives back the permission to reach it; the server's files stay. */
  readonly disconnect: () => Promise<void>;
}

export function useSync(): SyncHandle {
  const [state] = useLoadable(loadSync, [storageSignal('local', SYNC_KEY, SYNC_STATUS_KEY)]);
  return {
    state,
    async syncNow() {
      await browser.runtime.sendMessage({ type: 'sync-now' } satisfies Message);
    },
    async disconnect() {
      const config = await readSyncConfig();
      await forgetSync();
      await clearFileStates();
      if (config) await browser.permissions.remove(serverPermission(new URL(config.folder))).catch(() => false);
    },
  };
}
