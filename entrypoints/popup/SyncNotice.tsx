/**
 * Sync in the popup (utils/hooks/use-sync-notice.ts): a failed sync, said once in words, leading
 * to the journal's Sync section. Its words load only when there is one to say.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useSyncNotice } from '@/utils/hooks/use-sync-notice';
import { logFailure } from '@/utils/log';
import type { SyncFailure } from '@/utils/sync/status';

type Part = ComponentType<{ failure: SyncFailure }>;

export function SyncNotice() {
  const notice = useSyncNotice();
  const failure = notice.status === 'ready' ? notice.value : null;
  const [Notice, setNotice] = useState<Part>();
  useEffect(() => {
    if (failure)
      import('./SyncFailureNotice').then((module) => setNotice(() => module.SyncFailureNotice)).catch(logFailure('sync notice not shown'));
  }, [failure]);
  return failure && Notice ? <Notice failure={failure} /> : null;
}
